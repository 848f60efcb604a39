package se.forebygg.simulate;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.ReasonCode;

/**
 * What one scenario (baseline or what-if) comes to, added up decision by decision.
 *
 * <p>Per reason code two figures are kept, for two questions. {@link #byMainCode()} counts each
 * decision once, under its <em>main</em> reason: the code of its first finding, which is its most
 * severe one (findings come strongest first: rejection, reduction, warning, information); a decision
 * without findings counts under {@link #withoutFindings()}. These add up: their decisions to all
 * decisions, their amounts to all that was paid. {@link #carrying()} counts every decision that carries
 * a code, however many codes it carries, with the amount of those decisions: it answers "how many
 * decisions does this code touch", and does not add up.
 */
public final class Tally {
    /** Width of a bin of the grants-per-employer histogram, kronor. */
    static final int EMPLOYER_BIN = 25_000;
    /** Bins of the histogram; the last one is open-ended. */
    static final int EMPLOYER_BINS = 13;

    /** A number of decisions and what was paid on them. */
    public static final class Sum {
        private long decisions;
        private BigDecimal amount = BigDecimal.ZERO;

        void add(BigDecimal paid) {
            decisions++;
            amount = amount.add(paid);
        }

        public long decisions() {
            return decisions;
        }

        public BigDecimal amount() {
            return amount;
        }
    }

    private final Sum all = new Sum();
    private final Map<CaseType, Sum> byType = new EnumMap<>(CaseType.class);
    private final Map<CaseType, Map<Outcome, Long>> outcomes = new EnumMap<>(CaseType.class);
    private final Map<ReasonCode, Sum> byMainCode = new EnumMap<>(ReasonCode.class);
    private final Sum withoutFindings = new Sum();
    private final Map<ReasonCode, Sum> carrying = new EnumMap<>(ReasonCode.class);
    private final long[] employersByGranted = new long[EMPLOYER_BINS];
    private long employers;

    void add(Decision d) {
        all.add(d.amount());
        byType.computeIfAbsent(d.type(), t -> new Sum()).add(d.amount());
        outcomes.computeIfAbsent(d.type(), t -> new EnumMap<>(Outcome.class)).merge(d.outcome(), 1L, Long::sum);
        if (d.findings().isEmpty()) {
            withoutFindings.add(d.amount());
        } else {
            byMainCode.computeIfAbsent(d.findings().get(0).code(), c -> new Sum()).add(d.amount());
        }
        d.findings().stream().map(Finding::code).distinct()
                .forEach(code -> carrying.computeIfAbsent(code, c -> new Sum()).add(d.amount()));
    }

    void addEmployer(BigDecimal granted) {
        int bin = Math.min(EMPLOYER_BINS - 1, granted.intValue() / EMPLOYER_BIN);
        employersByGranted[bin]++;
        employers++;
    }

    /** Every decision, and all that was paid. */
    public Sum all() {
        return all;
    }

    /** Decisions and amount paid per benefit. */
    public Map<CaseType, Sum> byType() {
        return byType;
    }

    /** Decisions per benefit and outcome. */
    public Map<CaseType, Map<Outcome, Long>> outcomes() {
        return outcomes;
    }

    /** Each decision once, under the code of its first (most severe) finding. */
    public Map<ReasonCode, Sum> byMainCode() {
        return byMainCode;
    }

    /** The decisions without any finding. */
    public Sum withoutFindings() {
        return withoutFindings;
    }

    /** Every decision that carries a code, under each code it carries. */
    public Map<ReasonCode, Sum> carrying() {
        return carrying;
    }

    /** Decisions that carry an employer-cap code (applied or used up). */
    public long atEmployerCap() {
        return carrying.entrySet().stream()
                .filter(e -> e.getKey() == ReasonCode.ARS_EMPLOYER_CAP_APPLIED || e.getKey() == ReasonCode.ARS_EMPLOYER_CAP_EXHAUSTED)
                .mapToLong(e -> e.getValue().decisions()).sum();
    }

    public long[] employersByGranted() {
        return employersByGranted.clone();
    }

    public long employers() {
        return employers;
    }
}
