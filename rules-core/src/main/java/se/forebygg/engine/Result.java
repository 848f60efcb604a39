package se.forebygg.engine;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Locale;
import java.util.Objects;

/**
 * What deciding one input gives: the case's {@link Decided decision}, or why it was {@link Refused
 * refused}. Every way of deciding many inputs ({@link se.forebygg.Forebygg#decideAll}) gives one result per input, in
 * input order. As JSON a decided result is its decision object, a refused one the contract's error
 * object {@code {"caseId": …, "error": {"line": …, "path": …, "message": …[, "cause": …]}}}.
 */
public sealed interface Result permits Result.Decided, Result.Refused {

    /** The caseId; null when a refused input could not be read far enough to know it. */
    String caseId();

    /** The decision; a refused result throws what {@link se.forebygg.Forebygg#evaluate(Case)} would have thrown for it. */
    Decision orThrow();

    /** Why a case was refused. */
    enum Cause {
        /** The input is at fault: it cannot be read, or the contract does not allow it. */
        BAD_INPUT,
        /** A rule fired more often than any decision needs: the rules need fixing ({@link UndecidedCaseException.Cause#RULES}). */
        RULES,
        /** The ledger could not hold the room or store the decision; nothing was recorded ({@link UndecidedCaseException.Cause#LEDGER}). */
        LEDGER;

        /** The error object's {@code cause}: {@code rules}, {@code ledger}; null for bad input, which has none. */
        public String label() {
            return this == BAD_INPUT ? null : name().toLowerCase(Locale.ROOT);
        }

        static Cause of(UndecidedCaseException.Cause cause) {
            return cause == UndecidedCaseException.Cause.RULES ? RULES : LEDGER;
        }
    }

    /** A case decided. */
    record Decided(@JsonValue Decision decision) implements Result {
        public Decided {
            Objects.requireNonNull(decision, "decision");
        }

        @Override
        public String caseId() {
            return decision.caseId();
        }

        @Override
        public Decision orThrow() {
            return decision;
        }
    }

    /**
     * An input not decided, in the place of its decision.
     *
     * @param caseId  null when it cannot be read
     * @param line    1-based line in the input, null when unknown
     * @param path    JSON path inside the case, {@code $} being the case
     * @param message what is wrong, in words
     * @param cause   whose fault it is
     * @param rule    for {@link Cause#RULES}: the rule that would not stop firing; null otherwise (not in the JSON)
     */
    @JsonSerialize(using = se.forebygg.engine.RefusedJson.class)
    record Refused(String caseId, Integer line, String path, String message, Cause cause, String rule) implements Result {
        public Refused {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(cause, "cause");
        }

        /** Bad input at {@code path}. */
        public Refused(String caseId, Integer line, String path, String message) {
            this(caseId, line, path, message, Cause.BAD_INPUT, null);
        }

        /**
         * The refusal of a case the engine would not decide: an {@link InvalidCaseException} at its path, or an
         * {@link UndecidedCaseException} at the case ({@code $}) with its cause. {@code lines} gives the line of a
         * path in the input. Any other exception is thrown.
         */
        public static Refused of(Case aCase, Input.Lines lines, RuntimeException problem) {
            if (problem instanceof InvalidCaseException invalid) {
                return new Refused(aCase.caseId(), lines.lineOf(invalid.path()), invalid.path(), invalid.reason());
            }
            if (problem instanceof UndecidedCaseException undecided) {
                return new Refused(aCase.caseId(), lines.lineOf("$"), "$", undecided.reason(),
                        Cause.of(undecided.failure()), undecided.rule());
            }
            throw problem;
        }

        /** True when the input is at fault; false when the case could not be decided for another cause. */
        public boolean isBadInput() {
            return cause == Cause.BAD_INPUT;
        }

        @Override
        public Decision orThrow() {
            if (cause == Cause.BAD_INPUT) {
                throw new InvalidCaseException(path, message);
            }
            throw new UndecidedCaseException(cause == Cause.RULES ? UndecidedCaseException.Cause.RULES
                    : UndecidedCaseException.Cause.LEDGER, message, rule, null);
        }
    }
}
