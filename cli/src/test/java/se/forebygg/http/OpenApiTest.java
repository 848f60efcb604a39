package se.forebygg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.forebygg.Forebygg;
import se.forebygg.engine.UndecidedCaseException;
import se.forebygg.ledger.InMemoryGrantLedger;

/**
 * The OpenAPI document against the server that serves it: the document is OpenAPI 3.1 as a real parser
 * reads it; it describes exactly the routes the server answers ({@link Route}); and real requests, good
 * and bad, to every documented operation get a documented status, a documented content type, the
 * documented headers, and a body that validates against the documented schema (JSON Lines line by
 * line). HEAD answers as GET does, without a body.
 */
class OpenApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final String TOKEN = "0penapi-t0ken-5e1f";
    static final String BEARER = "Bearer " + TOKEN;
    static final long LIMIT = 64 * 1024;
    static final String DOCUMENT_IRI = "urn:forebygg:test:openapi";

    static Forebygg engine;
    /** Guarded by a token, small limits. */
    static DecisionServer server;
    /**
     * As {@link #server}, with a read timeout of 2 s for the slow-body probes. Only raw sockets talk to it: a pooled
     * client connection left idle longer than the read timeout is closed by the server, and a client that reuses it
     * at that moment reads no answer (the JDK client's "header parser received no bytes").
     */
    static DecisionServer slow;
    /** A ledger that cannot hold any room: grants are refused with cause ledger (503). */
    static DecisionServer brokenLedger;
    static String documentText;
    static JsonNode document;
    static JsonSchemaFactory schemas;
    static List<String> demo;

    @BeforeAll
    static void start() throws Exception {
        engine = Forebygg.create();
        server = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0).token(TOKEN).maxBodyBytes(LIMIT).start();
        slow = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0).token(TOKEN).maxBodyBytes(LIMIT)
                .readTimeout(Duration.ofSeconds(2)).start();
        brokenLedger = DecisionServer.builder(engine, DecisionServerAbuseTest.ledgerThat(() -> {
            throw new UndecidedCaseException(UndecidedCaseException.Cause.LEDGER, "the ledger is down (test)", null);
        })).port(0).token(TOKEN).start();
        demo = Files.readAllLines(Path.of("../examples/data/demo-cases.jsonl")).stream()
                .filter(l -> !l.isBlank() && !l.contains("workplace-rehabilitation-grant")).limit(3).toList();
        HttpResponse<String> served = send(server, "GET", "/v1/openapi.json", Map.of("Authorization", BEARER), null);
        assertEquals(200, served.statusCode(), served.body());
        documentText = served.body();
        document = JSON.readTree(documentText);
        // The document is the one schema resource; each contract schema inside it keeps its own $id.
        schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, documentText))));
    }

    @AfterAll
    static void stop() {
        server.close();
        slow.close();
        brokenLedger.close();
    }

    @Test
    void anOpenApiParserReadsItAsOpenApi31WithoutComplaint() {
        ParseOptions options = new ParseOptions();
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(documentText, null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), String.valueOf(result.getMessages()));
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertTrue(result.getOpenAPI().getComponents().getSchemas().containsKey("Case"));
        assertTrue(result.getOpenAPI().getComponents().getSchemas().containsKey("Decision"));
    }

    @Test
    void theContractSchemasAreEmbeddedWholeNotCopied() throws Exception {
        for (String[] schema : new String[][] {{"Case", OpenApi.CASE_SCHEMA}, {"Decision", OpenApi.DECISION_SCHEMA}}) {
            try (InputStream in = OpenApiTest.class.getResourceAsStream(schema[1])) {
                assertEquals(JSON.readTree(in), document.path("components").path("schemas").path(schema[0]), schema[0]);
            }
        }
    }

    @Test
    void itDescribesExactlyTheRoutesTheServerAnswers() throws Exception {
        Set<String> documented = new TreeSet<>();
        iterable(document.path("paths")).forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> routed = new TreeSet<>();
        for (Route route : Route.values()) {
            route.methods().forEach(method -> routed.add(method + " " + route.path()));
        }
        assertEquals(routed, documented);
        // And the server agrees: every other method on a documented path is 405 with the documented ones allowed …
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths"))) {
            Set<String> allowed = new HashSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> allowed.add(m.toUpperCase(Locale.ROOT)));
            for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                if (!allowed.contains(method)) {
                    HttpResponse<String> response = send(server, method, path.getKey(), Map.of("Authorization", BEARER),
                            method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") ? null : "{}");
                    assertEquals(405, response.statusCode(), method + " " + path.getKey());
                    assertEquals(allowed, Set.of(response.headers().firstValue("Allow").orElse("").split(", ")),
                            method + " " + path.getKey());
                }
            }
        }
        // … and paths beside the documented ones are no routes.
        for (String path : List.of("/", "/v1", "/v1/", "/v1/decisions/", "/v1/schema", "/v1/schema/other", "/metrics/x",
                "/v2/decisions", "/openapi.json")) {
            assertEquals(404, send(server, "GET", path, Map.of("Authorization", BEARER), null).statusCode(), path);
        }
    }

    @Test
    void theTokenIsDocumentedWhereTheServerWantsIt() {
        for (Route route : Route.values()) {
            for (String method : route.methods()) {
                JsonNode operation = document.path("paths").path(route.path()).path(method.toLowerCase(Locale.ROOT));
                boolean open = operation.has("security") && operation.get("security").isEmpty();
                assertEquals(!route.tokenNeeded(), open, method + " " + route.path());
                assertEquals(route.tokenNeeded(), operation.path("responses").has("401"), method + " " + route.path());
            }
        }
    }

    /** One request to one operation. */
    record Probe(Route route, String method, String target, Map<String, String> headers, String body,
                 DecisionServer to) {
    }

    /** An answer, however it was obtained. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static List<Probe> probes() {
        Map<String, String> token = Map.of("Authorization", BEARER);
        Map<String, String> none = Map.of();
        String one = demo.get(0);
        String bad = demo.get(1).replaceFirst("\"travelMinutes\":40", "\"travelMinutes\":-40");
        String grant = Applications.grant("ars-openapi", Applications.EMPLOYERS.get(4), Applications.EMPLOYEES.get(4), 6_000);
        String huge = one + "\n" + " ".repeat((int) LIMIT);
        List<Probe> probes = new ArrayList<>();
        for (Route route : List.of(Route.DECISIONS, Route.EXPLANATIONS)) {
            String p = route.path();
            probes.add(new Probe(route, "POST", p, token, one, server));
            probes.add(new Probe(route, "POST", p, token, "[" + one + "," + demo.get(2) + "]", server));
            probes.add(new Probe(route, "POST", p, token, "[" + one + "," + bad + "]", server));
            probes.add(new Probe(route, "POST", p, token, one + "\n" + bad + "\n", server));
            probes.add(new Probe(route, "POST", p, token, "{\"type\": \"provider-approval\", \"caseId\"", server));
            probes.add(new Probe(route, "POST", p, token, "", server));
            probes.add(new Probe(route, "POST", p, none, one, server));
            probes.add(new Probe(route, "POST", p, token, huge, server));
            probes.add(new Probe(route, "POST", p, token, grant, brokenLedger));
            probes.add(new Probe(route, "POST", p, token, "[" + grant + "]", brokenLedger));
        }
        // A grant recorded, withdrawn once (200), then again (404); bodies that are no withdrawal (400).
        String recorded = Applications.grant("ars-withdrawn", Applications.EMPLOYERS.get(5), Applications.EMPLOYEES.get(5), 4_000);
        String withdrawal = "{\"caseId\": \"ars-withdrawn\", \"reason\": \"appeal upheld\"}";
        String w = Route.WITHDRAWALS.path();
        probes.add(new Probe(Route.DECISIONS, "POST", Route.DECISIONS.path(), token, recorded, server));
        probes.add(new Probe(Route.WITHDRAWALS, "POST", w, token, withdrawal, server));
        probes.add(new Probe(Route.WITHDRAWALS, "POST", w, token, withdrawal, server));
        probes.add(new Probe(Route.WITHDRAWALS, "POST", w, token, "{\"caseId\": 5}", server));
        probes.add(new Probe(Route.WITHDRAWALS, "POST", w, token, "{\"caseId\": \"a\", \"why\": \"x\"}", server));
        probes.add(new Probe(Route.WITHDRAWALS, "POST", w, token, "not json", server));
        probes.add(new Probe(Route.WITHDRAWALS, "POST", w, none, withdrawal, server));
        probes.add(new Probe(Route.WITHDRAWALS, "POST", w, token, withdrawal + " ".repeat((int) LIMIT), server));
        probes.add(new Probe(Route.WITHDRAWALS, "POST", w, token, withdrawal, brokenLedger));
        probes.add(new Probe(Route.EXPLANATIONS, "POST", "/v1/explanations?lang=sv", token, one, server));
        probes.add(new Probe(Route.EXPLANATIONS, "POST", "/v1/explanations?lang=xx", token, one, server));
        probes.add(new Probe(Route.EXPLANATIONS, "POST", "/v1/explanations", Map.of("Authorization", BEARER,
                "Accept-Language", "sv-SE, en;q=0.5"), one, server));
        for (Route route : Route.values()) {
            if (route.method().equals("GET")) {
                for (String method : route.methods()) {
                    probes.add(new Probe(route, method, route.path(), token, null, server));
                    probes.add(new Probe(route, method, route.path(), none, null, server));
                    probes.add(new Probe(route, method, route.path(), Map.of("Authorization", "Bearer wrong"), null, server));
                }
            }
        }
        return probes;
    }

    @Test
    void everyAnswerIsDocumentedAndValidatesAgainstItsSchema() throws Exception {
        Map<Route, Set<String>> probed = new EnumMap<>(Route.class);
        Map<String, Set<Integer>> statuses = new LinkedHashMap<>();
        for (Probe probe : probes()) {
            if (probe.body() != null && probe.body().length() > LIMIT) {
                // Refused from its Content-Length (413, connection closed) before any of the body is read. A client
                // library writes the body at once; the server's close while it still streams in can reset the
                // connection before the client reads the 413 (seen in CI: "header parser received no bytes" from
                // a failed write). So the headers go raw, declaring the whole body, and none of it follows.
                Answer refused = raw(probe.to(), probe.method() + " " + probe.target() + " HTTP/1.1\r\nHost: test\r\n"
                        + headerLines(probe.headers()) + "Content-Length: "
                        + probe.body().getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n");
                check(probe.method() + " " + probe.target() + " (body over the limit)", probe.route(), probe.method(), refused);
                probed.computeIfAbsent(probe.route(), r -> new HashSet<>()).add(probe.method());
                statuses.computeIfAbsent(probe.method() + " " + probe.route().path(), k -> new TreeSet<>()).add(refused.status());
                continue;
            }
            HttpResponse<String> response = send(probe.to(), probe.method(), probe.target(), probe.headers(), probe.body());
            check(probe.method() + " " + probe.target(), probe.route(), probe.method(), answer(response));
            if (probe.method().equals("HEAD")) {
                HttpResponse<String> get = send(probe.to(), "GET", probe.target(), probe.headers(), null);
                assertEquals(get.statusCode(), response.statusCode(), "HEAD as GET: " + probe.target());
                for (String header : List.of("content-type", "content-length", "www-authenticate")) {
                    if (!probe.route().equals(Route.METRICS) || !header.equals("content-length")) {
                        assertEquals(get.headers().firstValue(header), response.headers().firstValue(header),
                                "HEAD as GET: " + header + " of " + probe.target());
                    }
                }
            }
            probed.computeIfAbsent(probe.route(), r -> new HashSet<>()).add(probe.method());
            statuses.computeIfAbsent(probe.method() + " " + probe.route().path(), k -> new TreeSet<>()).add(response.statusCode());
        }
        // A request whose body does not arrive in time: raw, since a client library would send it whole.
        for (Route route : List.of(Route.DECISIONS, Route.EXPLANATIONS, Route.WITHDRAWALS)) {
            Answer slow = slowBody(route.path());
            check("slow " + route.path(), route, "POST", slow);
            statuses.get("POST " + route.path()).add(slow.status());
        }
        for (Route route : Route.values()) {
            assertEquals(Set.copyOf(route.methods()), probed.get(route), "every route and method is probed: " + route);
        }
        // What the probes reached, so that a probe that stopped reaching its status shows.
        assertEquals(Set.of(200, 400, 401, 408, 413, 503), statuses.get("POST /v1/decisions"));
        assertEquals(Set.of(200, 400, 401, 408, 413, 503), statuses.get("POST /v1/explanations"));
        assertEquals(Set.of(200, 400, 401, 404, 408, 413, 503), statuses.get("POST /v1/withdrawals"));
        assertEquals(Set.of(200, 401), statuses.get("GET /metrics"));
        assertEquals(Set.of(200), statuses.get("HEAD /health"));
    }

    /** The answer is documented for {@code method} on {@code route}, with its content type, headers and schema. */
    static void check(String what, Route route, String method, Answer answer) throws Exception {
        String operation = "/paths/" + escape(route.path()) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode responses = at(operation + "/responses");
        assertFalse(responses.isMissingNode(), what + ": " + operation);
        String status = Integer.toString(answer.status());
        assertTrue(responses.has(status), what + ": status " + status + " is not documented; body " + answer.body());
        String location = resolve(operation + "/responses/" + status);
        JsonNode response = at(location);
        for (Map.Entry<String, JsonNode> header : iterable(response.path("headers"))) {
            JsonNode declared = at(resolve(location + "/headers/" + escape(header.getKey())));
            if (declared.path("required").asBoolean()) {
                assertTrue(answer.header(header.getKey()) != null, what + ": required header " + header.getKey() + " is missing");
            }
        }
        if (method.equals("HEAD")) {
            assertEquals("", answer.body(), what + ": HEAD has no body");
            return;
        }
        String type = answer.header("content-type");
        assertTrue(type != null, what + ": no content type");
        String mediaType = type.split(";")[0].strip();
        JsonNode content = response.path("content").path(mediaType);
        assertFalse(content.isMissingNode(), what + ": " + status + " " + mediaType + " is not documented at " + location);
        JsonSchema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + location + "/content/"
                + escape(mediaType) + "/schema"));
        List<JsonNode> values = new ArrayList<>();
        if (mediaType.equals("application/x-ndjson")) {
            for (String line : answer.body().split("\n")) {
                values.add(JSON.readTree(line));
            }
        } else if (mediaType.startsWith("text/")) {
            values.add(TextNode.valueOf(answer.body()));
        } else {
            values.add(JSON.readTree(answer.body()));
        }
        for (JsonNode value : values) {
            Set<ValidationMessage> errors = schema.validate(value);
            assertTrue(errors.isEmpty(), what + " (" + status + " " + mediaType + "): " + errors + "\n" + value);
        }
    }

    /** The pointer where {@code pointer}'s object really is, following a {@code $ref} within the document. */
    static String resolve(String pointer) {
        JsonNode node = at(pointer);
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), ref);
            pointer = ref.substring(1);
            node = at(pointer);
        }
        return pointer;
    }

    static JsonNode at(String pointer) {
        return document.at(pointer);
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    static Answer answer(HttpResponse<String> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        return new Answer(response.statusCode(), headers, response.body());
    }

    /** Sends headers and half of the body, then nothing: the server's read timeout (2 s) answers. */
    static Answer slowBody(String path) throws Exception {
        return raw(slow, "POST " + path + " HTTP/1.1\r\nHost: test\r\nAuthorization: " + BEARER
                + "\r\nContent-Length: 100\r\n\r\n{\"type\":");
    }

    /** Each header as a request line of its own. */
    static String headerLines(Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
        return lines.toString();
    }

    /** Writes {@code request} as it is and reads the answer until the server closes the connection. */
    static Answer raw(DecisionServer to, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", to.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(end + 4));
        }
    }

    static HttpResponse<String> send(DecisionServer to, String method, String target, Map<String, String> headers,
                                     String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + target));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return new ArrayList<>(node.properties());
    }

    @Test
    void theCheckerItselfRejectsWhatIsNotDocumented() throws Exception {
        Answer undocumentedStatus = new Answer(418, Map.of("content-type", "application/json"), "{}");
        Answer wrongShape = new Answer(200, Map.of("content-type", "application/json"), "{\"status\":\"DOWN\"}");
        Answer wrongType = new Answer(200, Map.of("content-type", "text/html"), "<p>up</p>");
        for (Answer answer : List.of(undocumentedStatus, wrongShape, wrongType)) {
            try {
                check("self-test", Route.HEALTH, "GET", answer);
            } catch (AssertionError expected) {
                continue;
            }
            fail("accepted " + answer);
        }
        Answer badDecision = new Answer(200, Map.of("content-type", "application/x-ndjson"),
                "{\"caseId\":\"x\",\"type\":\"provider-approval\",\"outcome\":\"MAYBE\"}\n");
        try {
            check("self-test", Route.DECISIONS, "POST", badDecision);
            fail("accepted a decision the contract schema refuses");
        } catch (AssertionError expected) {
            assertTrue(expected.getMessage().contains("outcome") || expected.getMessage().contains("MAYBE")
                    || expected.getMessage().contains("oneOf"), expected.getMessage());
        }
    }
}
