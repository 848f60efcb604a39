package se.forebygg.engine;

/**
 * A case that could not be decided for a reason outside its input: a rule that would not stop
 * firing or whose consequence threw ({@link Cause#RULES}, the message naming the rule and, for a
 * throwing consequence, its DRL file and line), or a ledger that timed out or refused to store the decision
 * ({@link Cause#LEDGER}). In a batch it takes the case's place as an error object with that
 * {@code cause}; the other cases are still decided. Nothing of the case is recorded, so a ledger
 * cause may be retried as it is; a rules cause needs the rules fixed.
 */
public final class UndecidedCaseException extends RuntimeException {

    /** Where the failure lies. */
    public enum Cause {
        /** A rule fired more often than any decision needs (it re-activates itself), or its consequence threw. */
        RULES,
        /** The ledger could not hold the room or store the decision (lock timeout, conflict, storage limit). */
        LEDGER;

        /** The name in an error object: {@code rules}, {@code ledger}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Cause cause;
    private final String reason;
    private final String rule;

    public UndecidedCaseException(Cause cause, String reason, Throwable underlying) {
        this(cause, reason, null, underlying);
    }

    /** @param rule the rule at fault (cause {@link Cause#RULES}), null when none is */
    public UndecidedCaseException(Cause cause, String reason, String rule, Throwable underlying) {
        super(cause.label() + ": " + reason, underlying);
        this.cause = cause;
        this.reason = reason;
        this.rule = rule;
    }

    /** The name of the rule that would not stop firing or threw; null for a ledger cause. */
    public String rule() {
        return rule;
    }

    /** Where the failure lies. */
    public Cause failure() {
        return cause;
    }

    /** What went wrong, in words for the error object. */
    public String reason() {
        return reason;
    }
}
