package se.forebygg.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One named parameter of the table: its unit, description, the range its values must lie in (what the
 * number means: a rate within 0–1, an amount not below 0; {@code min} and {@code max} null where open)
 * and dated values, oldest first.
 */
record Parameter(String name, String unit, String description, BigDecimal min, BigDecimal max, List<DatedValue> values) {

    Parameter {
        values = List.copyOf(values);
    }

    static Parameter parse(String name, JsonNode node, String where) {
        JsonNode values = node.path("values");
        if (!values.isArray() || values.isEmpty()) {
            throw new ParameterException(where + ": 'values' must be a non-empty list");
        }
        BigDecimal min = null;
        BigDecimal max = null;
        JsonNode range = node.get("range");
        if (range != null) {
            if (!range.isObject() || !(range.has("min") || range.has("max"))) {
                throw new ParameterException(where + ".range: expected { min: NUMBER, max: NUMBER } (either may be left out)");
            }
            min = bound(range, "min", where);
            max = bound(range, "max", where);
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new ParameterException(where + ".range: min " + min.toPlainString() + " is above max " + max.toPlainString());
            }
        }
        String unit = node.path("unit").asText("");
        List<DatedValue> parsed = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            String at = where + ".values[" + i + "]";
            LocalDate from = Table.date(v.get("from"), at + ".from");
            if (!v.hasNonNull("value")) {
                throw new ParameterException(at + ": 'value' is missing");
            }
            if (!v.hasNonNull("reference") || v.get("reference").asText().isBlank()) {
                throw new ParameterException(at + ": every value needs a 'reference' to its legal source");
            }
            if (!parsed.isEmpty() && !from.isAfter(parsed.get(parsed.size() - 1).from())) {
                throw new ParameterException(at + ": values must be in date order, each 'from' after the previous one");
            }
            checkRange(name, unit, min, max, v.get("value"), at + ".value");
            parsed.add(new DatedValue(from, v.get("value"), v.get("reference").asText()));
        }
        return new Parameter(name, unit, node.path("description").asText(""), min, max, parsed);
    }

    private static BigDecimal bound(JsonNode range, String field, String where) {
        JsonNode v = range.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new ParameterException(where + ".range." + field + ": expected a number, got " + v);
        }
        return v.decimalValue();
    }

    /**
     * Throws, naming {@code where}, when {@code value} (a number, or a list of numbers) lies outside
     * [{@code min}, {@code max}]. Values of other kinds are left to their conversion.
     */
    static void checkRange(String name, String unit, BigDecimal min, BigDecimal max, JsonNode value, String where) {
        if (min == null && max == null) {
            return;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                checkRange(name, unit, min, max, element, where);
            }
            return;
        }
        if (!value.isNumber()) {
            return;
        }
        BigDecimal v = value.decimalValue();
        if ((min != null && v.compareTo(min) < 0) || (max != null && v.compareTo(max) > 0)) {
            throw new ParameterException(where + ": " + v.toPlainString() + " is outside the range of " + name + " ("
                    + (unit.isEmpty() ? "" : unit + ", ") + (min == null ? "at most " + max.toPlainString()
                    : max == null ? "at least " + min.toPlainString() : min.toPlainString() + " to " + max.toPlainString())
                    + ")");
        }
    }

    DatedValue valueOn(LocalDate date) {
        DatedValue found = null;
        for (DatedValue v : values) {
            if (v.from().isAfter(date)) {
                break;
            }
            found = v;
        }
        if (found == null) {
            throw new ParameterException("parameter " + name + " has no value on " + date);
        }
        return found;
    }

    /** A copy in which {@code value} holds from {@code from} on; {@code where} names it in an error (outside the range). */
    Parameter withValueFrom(LocalDate from, JsonNode value, String reference, String where) {
        checkRange(name, unit, min, max, value, where);
        List<DatedValue> changed = new ArrayList<>();
        for (DatedValue v : values) {
            if (v.from().isBefore(from)) {
                changed.add(v);
            }
        }
        changed.add(new DatedValue(from, value, reference));
        changed.sort(Comparator.comparing(DatedValue::from));
        return new Parameter(name, unit, description, min, max, changed);
    }
}
