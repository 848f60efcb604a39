package se.forebygg.simulate;

import java.math.BigDecimal;
import java.util.Comparator;
import se.forebygg.engine.Decision;

/** One decision that came out differently under the what-if parameters. */
public record Change(String caseId, String type, String baselineOutcome, BigDecimal baselineAmount,
                     String whatIfOutcome, BigDecimal whatIfAmount) {

    /** By amount change, then caseId (so ties are broken the same way every run). */
    static final Comparator<Change> BY_DELTA = Comparator.comparing(Change::delta).thenComparing(Change::caseId);

    static Change of(Decision baseline, Decision whatIf) {
        return new Change(baseline.caseId(), baseline.type().id(), baseline.outcome().name(), baseline.amount(),
                whatIf.outcome().name(), whatIf.amount());
    }

    /** What-if amount minus baseline amount. */
    public BigDecimal delta() {
        return whatIfAmount.subtract(baselineAmount);
    }
}
