package se.forebygg.grant;

import java.math.BigDecimal;
import se.forebygg.internal.checks.Require;

/**
 * Grants from earlier decisions in the same year that the host knows of (ARS-6, ARS-7).
 *
 * @param employee granted to this employer for this employee
 * @param employer granted to this employer for all its employees
 */
public record AlreadyGranted(BigDecimal employee, BigDecimal employer) {

    /** Nothing granted before. */
    public static final AlreadyGranted NONE = new AlreadyGranted(BigDecimal.ZERO, BigDecimal.ZERO);

    public AlreadyGranted {
        Require.kronor(employee, "employee");
        Require.kronor(employer, "employer");
    }
}
