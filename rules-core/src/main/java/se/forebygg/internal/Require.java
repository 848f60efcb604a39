package se.forebygg.internal;

import java.math.BigDecimal;
import java.util.List;
import se.forebygg.engine.InvalidCaseException;

/** Checks used by the contract records' constructors. Paths are relative to the record. */
public final class Require {
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

    public static BigDecimal nonNegative(BigDecimal value, String field) {
        present(value, field);
        if (value.signum() < 0) {
            throw new InvalidCaseException("$." + field, "must be >= 0");
        }
        return value;
    }

    /** An amount in kronor: at least 0 and exact to the öre (at most two decimals). */
    public static BigDecimal kronor(BigDecimal value, String field) {
        nonNegative(value, field);
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidCaseException("$." + field, "must be whole öre (at most 2 decimals)");
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

    /** Prefixes the path of a problem found inside element {@code index} of list {@code field}. */
    public static InvalidCaseException inElement(InvalidCaseException e, String field, int index) {
        return e.under("$." + field + "[" + index + "]");
    }
}
