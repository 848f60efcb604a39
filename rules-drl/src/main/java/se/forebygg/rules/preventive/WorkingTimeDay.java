package se.forebygg.rules.preventive;

import java.util.Objects;
import java.math.BigDecimal;
import java.time.LocalDate;
import se.forebygg.rules.preventive.PreventiveParameters;

/**
 * Rule fact (PSB-11a): a qualifying day paid by working time, with its ordinary working hours rounded.
 * Days of one sjukperiod, level and parameter period are paid together (SFB 28:14).
 */
public record WorkingTimeDay(String caseId, LocalDate date, BigDecimal level, PreventiveParameters period,
                             LocalDate sickPeriodStart, BigDecimal hours) {

    /**
     * A hash of the case and the date only, consistent with {@code equals} (every component): truth maintenance hashes
     * every fact inserted logically, and the record's hash of every component (a nested record, a
     * parameter set) was a visible part of deciding (docs/performance.md, "Every core").
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(caseId) + Objects.hashCode(date);
    }
}
