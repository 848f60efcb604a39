package se.forebygg.rules.preventive;

import java.math.BigDecimal;
import java.time.LocalDate;
import se.forebygg.rules.preventive.PreventiveParameters;

/**
 * Rule fact (PSB-11a): a qualifying day paid by working time, with its ordinary working hours rounded.
 * Days of one sjukperiod, level and parameter period are paid together (SFB 28:14).
 */
public record WorkingTimeDay(String caseId, LocalDate date, BigDecimal level, PreventiveParameters period,
                             LocalDate sickPeriodStart, BigDecimal hours) {
}
