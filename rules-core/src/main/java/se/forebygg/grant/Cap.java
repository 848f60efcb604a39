package se.forebygg.grant;

/** The two yearly caps on the grant. */
public enum Cap {
    /** Per employer, employee and calendar year (ARS-6). */
    EMPLOYEE,
    /** Per employer and calendar year, all employees together (ARS-7). */
    EMPLOYER
}
