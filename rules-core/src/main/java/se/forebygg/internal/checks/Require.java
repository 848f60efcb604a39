package se.forebygg.internal.checks;

import java.math.BigDecimal;
import java.util.List;
import se.forebygg.engine.InvalidCaseException;

/** Checks used by the contract records' constructors. Paths are relative to the record. */
public final class Require {
    /** Larger than any amount a real case holds (one trillion kronor). */
    static final BigDecimal MAX_KRONOR = new BigDecimal("1000000000000");

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidCaseException("$." + field, "is required");
        }
        return value;
    }

    public static String nonEmpty(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidCaseException("$." + field, "must not be empty");
        }
        return value;
    }

    /** The longest caseId (contract version 2): what ledgers and audit logs store. */
    public static final int MAX_CASE_ID_LENGTH = 128;

    /**
     * A caseId as the contract has it: 1–{@value #MAX_CASE_ID_LENGTH} characters, not blank, no control
     * characters (a ledger stores it as it is; PostgreSQL cannot hold U+0000 at all).
     */
    public static String caseId(String value) {
        nonEmpty(value, "caseId");
        int length = value.codePointCount(0, value.length());
        if (length > MAX_CASE_ID_LENGTH) {
            throw new InvalidCaseException("$.caseId", "has " + length + " characters; at most " + MAX_CASE_ID_LENGTH
                    + " are allowed");
        }
        int[] characters = value.codePoints().toArray(); // an unpaired surrogate stays one, of type SURROGATE
        for (int i = 0; i < characters.length; i++) {
            int type = Character.getType(characters[i]);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
                throw new InvalidCaseException("$.caseId", String.format("holds the character U+%04X at position %d:"
                        + " control, format and unpaired surrogate characters are not allowed", characters[i], i + 1));
            }
        }
        return value;
    }

    public static BigDecimal nonNegative(BigDecimal value, String field) {
        present(value, field);
        if (value.signum() < 0) {
            throw new InvalidCaseException("$." + field, "must be >= 0");
        }
        return value;
    }

    /**
     * An amount in kronor: at least 0, at most two decimals (öre) and below a sanity bound that no
     * real case reaches, so that 1e308 or a 40-digit number is bad input rather than a calculation.
     */
    public static BigDecimal kronor(BigDecimal value, String field) {
        nonNegative(value, field);
        if (value.compareTo(MAX_KRONOR) > 0) {
            throw new InvalidCaseException("$." + field, "must be at most " + MAX_KRONOR.toPlainString() + " kr");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidCaseException("$." + field, "must be whole kronor and öre (at most two decimals)");
        }
        return value;
    }

    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new InvalidCaseException("$." + field, "must be >= 0");
        }
        return value;
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new InvalidCaseException("$." + field, "must be > 0");
        }
        return value;
    }

    public static BigDecimal share(BigDecimal value, String field) {
        present(value, field);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidCaseException("$." + field, "must be between 0.0 and 1.0");
        }
        return value;
    }

    /** A copy of a required list, checked element by element for null. */
    public static <T> List<T> list(List<T> values, String field) {
        present(values, field);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidCaseException("$." + field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(values);
    }
}
