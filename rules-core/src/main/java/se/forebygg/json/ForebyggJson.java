package se.forebygg.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.math.BigDecimal;
import java.util.HexFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.forebygg.engine.Case;

/**
 * A mapper set up for the contract: strict where the contract is strict (no coercion of strings to
 * numbers, no numbers for enums, no duplicate keys), tolerant of fields it does not know (a later
 * contract version may add some). Each call gives a new mapper; none is shared or global.
 */
public final class ForebyggJson {
    private ForebyggJson() {
    }

    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new ForebyggModule())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** One value as one line of compact JSON (decisions, error objects). */
    public static String toLine(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SHA-256 (hex) of the case's canonical JSON: equal for the same application however its input was
     * laid out (field order, spacing), different when any value differs. Ledgers and audit logs use it.
     */
    public static String inputHash(Case aCase) {
        try {
            return sha256(Holder.CANONICAL.writeValueAsBytes(canonical(Holder.CANONICAL.valueToTree(aCase))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when {@code recordedHash} is the input hash of {@code aCase}: this release's hash, or the
     * hash that releases before contract version 2 recorded (the JSON as written, so {@code 16000} and
     * {@code 16000.0} differed), so that a ledger or audit log from such a release still recognises
     * its applications.
     */
    public static boolean isInputHashOf(String recordedHash, Case aCase) {
        if (recordedHash.equals(inputHash(aCase))) {
            return true;
        }
        try {
            return recordedHash.equals(sha256(Holder.CANONICAL.writeValueAsBytes(aCase)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The canonical form the input hash is taken over: the case's fields in the contract's fixed order
     * (records with their property order, maps by key), every number by its value ({@code 16000},
     * {@code 16000.0} and {@code 1.6E4} are all {@code 16000}).
     */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> fields.set(field.getKey(), canonical(field.getValue())));
            return fields;
        }
        if (node.isArray()) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> items.add(canonical(item)));
            return items;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            return JsonNodeFactory.instance.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
        }
        return node;
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Holder {
        static final ObjectMapper CANONICAL = newMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
