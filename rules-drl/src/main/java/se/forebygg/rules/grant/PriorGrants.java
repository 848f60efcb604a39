package se.forebygg.rules.grant;

import java.math.BigDecimal;

/**
 * Fact the engine inserts: what was granted before this application in the measures' year, from the
 * ledger plus the case's {@code alreadyGranted}.
 *
 * @param employee to this employer for this employee
 * @param employer to this employer for all its employees
 */
public record PriorGrants(String caseId, BigDecimal employee, BigDecimal employer) {
}
