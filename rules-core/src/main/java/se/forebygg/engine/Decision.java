package se.forebygg.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The answer for one case: outcome, amount (kronor, two decimals), every finding that shaped it,
 * the calculation, the rules that fired and the version of rules and parameters used.
 */
@JsonPropertyOrder({"caseId", "type", "outcome", "amount", "findings", "calculation", "rulesFired", "rulesVersion"})
public record Decision(String caseId, CaseType type, Outcome outcome, BigDecimal amount, List<Finding> findings,
                       Calculation calculation, List<String> rulesFired, String rulesVersion) {

    public Decision {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(amount, "amount");
        findings = List.copyOf(findings);
        rulesFired = List.copyOf(rulesFired);
        Objects.requireNonNull(rulesVersion, "rulesVersion");
    }

    /** True when some finding has this code. */
    public boolean has(ReasonCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }
}
