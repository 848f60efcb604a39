package se.forebygg.rules.grant;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Rule fact (ARS-2, ARS-3): measure {@code index} is covered; what was paid for it counts. */
public record CoveredMeasure(String caseId, int index, BigDecimal amountPaid, LocalDate performedOn) {
}
