package se.forebygg.preventive;

import java.util.Objects;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import se.forebygg.internal.checks.Require;

/**
 * One day of a compensation claim (PSB-9, PSB-10). For the unemployed, {@code normalWorkingMinutes}
 * is the time they would otherwise have spent looking for work.
 */
public record ClaimDay(LocalDate date,
                       @JsonProperty(required = true) int treatmentMinutes,
                       @JsonProperty(required = true) int preparationMinutes,
                       @JsonProperty(required = true) int travelMinutes,
                       @JsonProperty(required = true) int normalWorkingMinutes) {
    public ClaimDay {
        Require.present(date, "date");
        Require.nonNegative(treatmentMinutes, "treatmentMinutes");
        Require.nonNegative(preparationMinutes, "preparationMinutes");
        Require.nonNegative(travelMinutes, "travelMinutes");
        Require.positive(normalWorkingMinutes, "normalWorkingMinutes");
    }

    /**
     * A hash of the date only, consistent with {@code equals} (every component): truth maintenance hashes
     * every fact inserted logically, and the record's hash of every component (a nested record, a
     * parameter set) was a visible part of deciding (docs/performance.md, "Every core").
     */
    @Override
    public int hashCode() {
        return Objects.hashCode(date);
    }
}
