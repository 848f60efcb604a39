package se.forebygg.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Map;

/**
 * The service's OpenAPI 3.1 document: {@code openapi.json} beside this class, completed when the server
 * starts with what has one source elsewhere. The contract's JSON Schemas (rules-core's
 * {@code se/forebygg/schema/}) go in whole as the schemas {@code Case} and {@code Decision} (each keeps
 * its {@code $id}, so its own {@code $ref}s resolve inside it), and every GET operation gets its HEAD
 * twin, answered alike without a body.
 */
final class OpenApi {
    static final String CASE_SCHEMA = "/se/forebygg/schema/case.schema.json";
    static final String DECISION_SCHEMA = "/se/forebygg/schema/decision.schema.json";
    private static final String TEMPLATE = "openapi.json";

    private OpenApi() {
    }

    /** The document as served. */
    static byte[] document(ObjectMapper mapper) {
        try {
            ObjectNode document = (ObjectNode) mapper.readTree(resource(OpenApi.class, TEMPLATE));
            ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
            schemas.set("Case", mapper.readTree(resource(OpenApi.class, CASE_SCHEMA)));
            schemas.set("Decision", mapper.readTree(resource(OpenApi.class, DECISION_SCHEMA)));
            for (Map.Entry<String, JsonNode> path : iterable(document.path("paths"))) {
                ObjectNode item = (ObjectNode) path.getValue();
                if (item.has("get")) {
                    item.set("head", headOf((ObjectNode) item.get("get")));
                }
            }
            return mapper.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document " + TEMPLATE, e);
        }
    }

    /** The GET operation as HEAD answers it: the same responses and headers, without content. */
    private static ObjectNode headOf(ObjectNode get) {
        ObjectNode head = get.deepCopy();
        head.put("operationId", get.path("operationId").asText() + "Head");
        head.put("summary", get.path("summary").asText() + " (headers only)");
        for (Map.Entry<String, JsonNode> response : iterable(head.path("responses"))) {
            if (response.getValue() instanceof ObjectNode inline) {
                inline.remove("content");
            }
        }
        return head;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return new ArrayList<>(node.properties()); // a copy: the loop adds to the node
    }

    /** A resource next to {@code anchor} (or absolute, from {@code /}); its bytes. */
    static byte[] resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
