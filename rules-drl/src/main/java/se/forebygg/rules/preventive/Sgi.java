package se.forebygg.rules.preventive;

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
}
