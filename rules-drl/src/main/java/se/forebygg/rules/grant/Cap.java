package se.forebygg.rules.grant;

/** The caps on the grant: two yearly ones, and before those were in force one per application. */
public enum Cap {
    /** Per employer, employee and calendar year (ARS-6). */
    EMPLOYEE,
    /** Per employer and calendar year, all employees together (ARS-7). */
    EMPLOYER,
    /** Per application, before the yearly caps were in force; nothing granted before counts (ARS-10). */
    APPLICATION
}
