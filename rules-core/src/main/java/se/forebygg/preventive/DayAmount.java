package se.forebygg.preventive;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Rule fact (PSB-11): what one qualifying day pays, the full daily amount at that day's level. */
public record DayAmount(String caseId, LocalDate date, BigDecimal level, BigDecimal fullDailyAmount,
                        BigDecimal amount) {
}
