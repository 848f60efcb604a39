package se.forebygg.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One named parameter of the table: its unit, description and dated values, oldest first. */
record Parameter(String name, String unit, String description, List<DatedValue> values) {

    Parameter {
        values = List.copyOf(values);
    }

    static Parameter parse(String name, JsonNode node, String where) {
        JsonNode values = node.path("values");
        if (!values.isArray() || values.isEmpty()) {
            throw new ParameterException(where + ": 'values' must be a non-empty list");
        }
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
            parsed.add(new DatedValue(from, v.get("value"), v.get("reference").asText()));
        }
        return new Parameter(name, node.path("unit").asText(""), node.path("description").asText(""), parsed);
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

    Parameter withValueFrom(LocalDate from, JsonNode value, String reference) {
        List<DatedValue> changed = new ArrayList<>();
        for (DatedValue v : values) {
            if (v.from().isBefore(from)) {
                changed.add(v);
            }
        }
        changed.add(new DatedValue(from, value, reference));
        changed.sort(Comparator.comparing(DatedValue::from));
        return new Parameter(name, unit, description, changed);
    }
}
