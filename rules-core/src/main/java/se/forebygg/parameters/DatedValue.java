package se.forebygg.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/** One value of a parameter, in force from {@code from} until the next value's date. */
record DatedValue(LocalDate from, JsonNode value, String reference) {
}
