package se.forebygg.grant;

/** The employee's work capacity (ARS-1). Being on sick leave is neither required nor a bar. */
public enum EmployeeCondition {
    REDUCED_WORK_CAPACITY,
    AT_RISK_OF_REDUCED_WORK_CAPACITY,
    NONE
}
