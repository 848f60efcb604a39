package se.forebygg.rules.grant;

import java.math.BigDecimal;

/** Rule fact (ARS-5 … ARS-7): the grant of an application that nothing rejects. */
public record Grant(String caseId, BigDecimal amount) {
}
