package se.forebygg.engine;

import java.util.Objects;

/**
 * One rule of an engine's knowledge base: its DRL package and name (the name decisions list in
 * {@code rulesFired}), with its rulebook id and legal reference when the rule carries them.
 */
public record RuleRef(String packageName, String name, String ruleId, String legalReference) {
    public RuleRef {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(name, "name");
    }

    /** The last segment of the package: the benefit ({@code preventive}, {@code provider}, …). */
    public String benefit() {
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }
}
