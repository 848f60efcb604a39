package se.forebygg.reference;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Outcome;

/**
 * What the reference evaluator says of a case, in the terms both evaluators share: the outcome, the
 * amount (two decimals) and the set of {@code CODE/SEVERITY} findings.
 */
public record Verdict(Outcome outcome, BigDecimal amount, Set<String> findings) {

    public Verdict {
        findings = Set.copyOf(new TreeSet<>(findings));
    }

    /** The same view of an engine decision. */
    public static Verdict of(Decision d) {
        return new Verdict(d.outcome(), d.amount(), d.findings().stream()
                .map(f -> f.code() + "/" + f.severity()).collect(Collectors.toSet()));
    }

    @Override
    public String toString() {
        return outcome + " " + amount.toPlainString() + " " + new TreeSet<>(findings);
    }
}
