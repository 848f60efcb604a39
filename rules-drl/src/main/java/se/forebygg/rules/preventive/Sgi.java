package se.forebygg.rules.preventive;

import java.util.Objects;
import java.math.BigDecimal;
import se.forebygg.rules.preventive.PreventiveParameters;

/**
 * Rule fact (PSB-7): the sickness-benefit-qualifying income for one parameter period.
 *
 * @param roundedIncome the income rounded down to whole hundreds
 * @param value the SGI: the rounded income, at most the ceiling
 * @param ceilingApplied true when the ceiling cut the rounded income
 */
public record Sgi(String caseId, PreventiveParameters period, BigDecimal income, BigDecimal roundedIncome,
                  BigDecimal ceiling, BigDecimal value, boolean ceilingApplied) {

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
