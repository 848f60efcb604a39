package se.forebygg.grant;

import java.math.BigDecimal;

/**
 * What has been granted so far, per employer and calendar year and per employer, employee and year:
 * the memory behind the caps (ARS-6, ARS-7). The engine reads it before an application and records
 * the grant after it; the rules themselves keep no state. {@link InMemoryGrantLedger} is the simple
 * implementation; a host can keep the ledger in its own database.
 */
public interface GrantLedger {

    /** Total granted to {@code employerId} for measures of {@code year}, all employees together. */
    BigDecimal granted(String employerId, int year);

    /** Total granted to {@code employerId} for {@code employeeId} for measures of {@code year}. */
    BigDecimal granted(String employerId, String employeeId, int year);

    /** Records the grant of application {@code caseId} (zero when it was rejected). */
    void record(String caseId, String employerId, String employeeId, int year, BigDecimal amount);
}
