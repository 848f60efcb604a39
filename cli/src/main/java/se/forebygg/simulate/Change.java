package se.forebygg.simulate;

import java.math.BigDecimal;
import java.util.Comparator;

/** One decision that came out differently under the what-if parameters. */
public record Change(String caseId, String type, String baselineOutcome, BigDecimal baselineAmount,
                     String whatIfOutcome, BigDecimal whatIfAmount) {

    /** By amount change, then caseId (so ties are broken the same way every run). */
    static final Comparator<Change> BY_DELTA = Comparator.comparing(Change::delta).thenComparing(Change::caseId);

    /** What-if amount minus baseline amount. */
    public BigDecimal delta() {
        return whatIfAmount.subtract(baselineAmount);
    }
}
