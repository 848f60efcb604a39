package se.forebygg.simulate;

import java.math.BigDecimal;
import java.util.Set;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.ReasonCode;

/**
 * One decision that came out differently under the what-if parameters: its outcome, its amount, or
 * its findings (codes added or removed, or a finding of the same code worded with other figures).
 *
 * @param added    reason codes the what-if decision has and the baseline one has not
 * @param removed  reason codes the baseline decision has and the what-if one has not
 * @param reworded reason codes of both whose findings differ in their figures (e.g. another cap in the message)
 */
public record Change(String caseId, CaseType type, Outcome baselineOutcome, BigDecimal baselineAmount,
                     Outcome whatIfOutcome, BigDecimal whatIfAmount, Set<ReasonCode> added, Set<ReasonCode> removed,
                     Set<ReasonCode> reworded) {

    /** What changed first: the outcome, else the amount, else only the reasons. */
    public enum Kind { OUTCOME, AMOUNT, REASONS }

    public Change {
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
        reworded = Set.copyOf(reworded);
    }

    /** What-if amount minus baseline amount. */
    public BigDecimal delta() {
        return whatIfAmount.subtract(baselineAmount);
    }

    public Kind kind() {
        if (baselineOutcome != whatIfOutcome) {
            return Kind.OUTCOME;
        }
        return baselineAmount.compareTo(whatIfAmount) != 0 ? Kind.AMOUNT : Kind.REASONS;
    }
}
