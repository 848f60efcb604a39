package se.forebygg.rules.preventive;

import java.util.Objects;
import se.forebygg.preventive.CalculationMethod;

import java.time.LocalDate;

/** Rule fact (PSB-11a, PSB-11b): how one claimed day is paid, and which day of its sjukperiod it is. */
public record DayMethod(String caseId, LocalDate date, CalculationMethod method, int dayOfSickPeriod) {

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
