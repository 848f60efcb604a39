package se.forebygg.rules.grant;

import se.forebygg.engine.ReasonCode;

/** Rule fact (ARS-2, ARS-3): measure {@code index} is not covered, for {@code reason}. */
public record Exclusion(String caseId, int index, ReasonCode reason) {
}
