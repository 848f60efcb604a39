package se.forebygg.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The body of every error answer that is not about one case: {@code {"error":{"message":…}}}. */
final class Problem {
    /** Ready before it is needed: when memory has run out, rendering JSON may fail too. */
    static final byte[] OUT_OF_MEMORY = ("{\"error\":{\"message\":\"the service ran out of memory on this request; "
            + "send fewer cases at once\"}}").getBytes(StandardCharsets.UTF_8);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Code points of client-sent text (a path, a method) quoted back at most. */
    private static final int QUOTED = 100;

    private Problem() {
    }

    static byte[] json(String message) {
        try {
            return MAPPER.writeValueAsBytes(Map.of("error", Map.of("message", message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    /** Client-sent text to quote in a message: its first 100 characters, then "…". */
    static String quote(String text) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= QUOTED) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, QUOTED)) + "…";
    }
}
