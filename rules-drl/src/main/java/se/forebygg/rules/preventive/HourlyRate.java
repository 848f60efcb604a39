package se.forebygg.rules.preventive;

import java.util.Objects;
import java.math.BigDecimal;
import se.forebygg.rules.preventive.PreventiveParameters;

/** Rule fact (PSB-11a): an employee's hourly amount in one parameter period, from SGI and annual working hours. */
public record HourlyRate(String caseId, PreventiveParameters period, BigDecimal sgi, int annualWorkingHours, BigDecimal rate) {

    /**
     * A hash of the case only, consistent with {@code equals} (every component): truth maintenance hashes
     * every fact inserted logically, and the record's hash of every component (a nested record, a
     * parameter set) was a visible part of deciding (docs/performance.md, "Every core").
     */
    @Override
    public int hashCode() {
        return Objects.hashCode(caseId);
    }
}
