package se.forebygg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.forebygg.Forebygg;
import se.forebygg.ledger.InMemoryGrantLedger;

/** The decision service over real HTTP on a loopback port. */
class DecisionServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final long LIMIT = 64 * 1024;
    static Forebygg engine;
    static DecisionServer server;
    static List<String> demo;

    @BeforeAll
    static void start() throws Exception {
        engine = Forebygg.create();
        server = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0).maxBodyBytes(LIMIT).start();
        demo = Files.readAllLines(Path.of("../examples/data/demo-cases.jsonl")).stream()
                .filter(l -> !l.isBlank() && !l.contains("workplace-rehabilitation-grant")).limit(4).toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(server, method, path, body, null);
    }

    static HttpResponse<String> send(DecisionServer to, String method, String path, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysUpWithTheRulesVersion() throws Exception {
        HttpResponse<String> response = send("GET", "/health", null);
        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("UP", body.get("status").asText());
        assertTrue(body.get("rulesVersion").asText().contains("/"), response.body());
    }

    @Test
    void theCaseSchemaIsServed() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/schema/case", null);
        assertEquals(200, response.statusCode());
        assertEquals("application/schema+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(JSON.readTree(response.body()).has("$schema"), response.body());
    }

    @Test
    void oneCaseGivesOneDecisionLine() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/decisions", demo.get(0));
        assertEquals(200, response.statusCode(), response.body());
        String[] lines = response.body().split("\n");
        assertEquals(1, lines.length);
        assertEquals("psb-0001", JSON.readTree(lines[0]).get("caseId").asText());
        assertTrue(JSON.readTree(lines[0]).has("outcome"));
    }

    @Test
    void jsonLinesGiveJsonLinesInInputOrder() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/decisions", String.join("\n", demo) + "\n");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/x-ndjson", response.headers().firstValue("Content-Type").orElse(""));
        String[] lines = response.body().split("\n");
        assertEquals(demo.size(), lines.length);
        for (int i = 0; i < demo.size(); i++) {
            assertEquals(JSON.readTree(demo.get(i)).get("caseId"), JSON.readTree(lines[i]).get("caseId"));
        }
    }

    @Test
    void anArrayGivesAnArrayWithErrorsInPlaceAnd400() throws Exception {
        String bad = demo.get(1).replace("\"psb-0002\"", "\"neg\"").replaceFirst("\"travelMinutes\":40", "\"travelMinutes\":-40");
        String body = "[\n" + demo.get(0) + ",\n" + bad + ",\n" + demo.get(2) + "\n]";
        HttpResponse<String> response = send("POST", "/v1/decisions", body);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode results = JSON.readTree(response.body());
        assertEquals(3, results.size());
        assertTrue(results.get(0).has("outcome"));
        assertEquals("neg", results.get(1).get("caseId").asText());
        assertEquals("$.claim.days[0].travelMinutes", results.get(1).get("error").get("path").asText());
        assertEquals(3, results.get(1).get("error").get("line").asInt());
        assertTrue(results.get(2).has("outcome"));
    }

    @Test
    void aCaseTheEngineRefusesBecomesAnErrorAndTheOthersAreStillDecided() throws Exception {
        String outside = demo.get(2).replace("\"psb-0003\"", "\"late\"").replace("2025-04-07", "2031-04-07");
        HttpResponse<String> response = send("POST", "/v1/decisions", demo.get(0) + "\n" + outside + "\n" + demo.get(2));
        assertEquals(400, response.statusCode(), response.body());
        String[] lines = response.body().split("\n");
        assertEquals(3, lines.length);
        assertTrue(JSON.readTree(lines[0]).has("outcome"));
        JsonNode error = JSON.readTree(lines[1]);
        assertEquals("late", error.get("caseId").asText());
        assertEquals(2, error.get("error").get("line").asInt());
        assertTrue(error.get("error").get("message").asText().contains("2031-04-07"), lines[1]);
        assertEquals("psb-0003", JSON.readTree(lines[2]).get("caseId").asText());
        assertTrue(JSON.readTree(lines[2]).has("outcome"));
    }

    @Test
    void malformedJsonIs400WithAnErrorObject() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/decisions", "{\"type\": \"provider-approval\", \"caseId\"");
        assertEquals(400, response.statusCode());
        JsonNode error = JSON.readTree(response.body().strip()).get("error");
        assertEquals("$", error.get("path").asText());
        assertTrue(error.get("message").asText().startsWith("malformed JSON"), response.body());
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String huge = demo.get(0) + "\n" + " ".repeat((int) LIMIT);
        HttpResponse<String> response = send("POST", "/v1/decisions", huge);
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("larger than " + LIMIT), response.body());
    }

    @Test
    void explanationsArePlainText() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/explanations", demo.get(1));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(response.body().startsWith("Case psb-0002 (preventive-sickness-benefit)\nOutcome: partially approved"),
                response.body());
        assertTrue(response.body().contains("reduction, PSB-10"), response.body());
        assertTrue(response.body().contains("hourly amount by working time (PSB-11a): 325920 kr / 2080 annual working hours = 157 kr an hour"),
                response.body());
        HttpResponse<String> swedish = send("POST", "/v1/explanations?lang=sv", demo.get(1));
        assertTrue(swedish.body().startsWith("Ärende psb-0002"), swedish.body());
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() throws Exception {
        assertEquals(404, send("GET", "/v1/nothing", null).statusCode());
        HttpResponse<String> wrong = send("GET", "/v1/decisions", null);
        assertEquals(405, wrong.statusCode());
        assertEquals("POST", wrong.headers().firstValue("Allow").orElse(""));
        assertEquals(405, send("POST", "/health", "{}").statusCode());
    }

    @Test
    void aLongPathIsNotEchoedWhole() throws Exception {
        String path = "/v1/" + "x".repeat(3000);
        HttpResponse<String> response = send("GET", path, null);
        assertEquals(404, response.statusCode());
        String message = JSON.readTree(response.body()).get("error").get("message").asText();
        assertEquals("no such resource: " + path.substring(0, 100) + "…", message);
        // Longer than Jetty reads a request line: refused by Jetty, in the same JSON shape, without the path.
        HttpResponse<String> tooLong = send("GET", "/" + "y".repeat(20_000), null);
        assertTrue(tooLong.statusCode() == 414 || tooLong.statusCode() == 431, tooLong.statusCode() + " " + tooLong.body());
        assertTrue(JSON.readTree(tooLong.body()).get("error").has("message"), tooLong.body());
        assertFalse(tooLong.body().contains("y".repeat(101)), tooLong.body());
    }

    @Test
    void aRequestJettyCannotParseGetsAJsonErrorToo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.contains("Content-Type: application/json"), answer);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertTrue(JSON.readTree(body).get("error").has("message"), answer);
        }
    }

    @Test
    void withATokenEveryRouteButHealthNeedsIt() throws Exception {
        String token = "s3cret-2f6b0c1e9a";
        try (DecisionServer guarded = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0).token(token).start()) {
            for (String authorization : new String[] {null, "Bearer wrong", "Bearer " + token + "x", "Basic " + token}) {
                HttpResponse<String> refused = send(guarded, "POST", "/v1/decisions", demo.get(0), authorization);
                assertEquals(401, refused.statusCode(), authorization);
                assertEquals("Bearer", refused.headers().firstValue("WWW-Authenticate").orElse(""));
                assertTrue(JSON.readTree(refused.body()).get("error").get("message").asText().contains("Bearer"), refused.body());
                assertEquals(401, send(guarded, "GET", "/v1/nothing", null, authorization).statusCode(), "no hint what exists");
            }
            assertEquals(200, send(guarded, "POST", "/v1/decisions", demo.get(0), "Bearer " + token).statusCode());
            assertEquals(200, send(guarded, "GET", "/v1/schema/case", null, "bearer " + token).statusCode());
            assertEquals(200, send(guarded, "GET", "/health", null, null).statusCode(), "health stays open for probes");
        }
    }

    @Test
    void beyondLoopbackOnlyWithATokenOrInsecure() throws Exception {
        DecisionServer.Builder everywhere = DecisionServer.builder(engine, new InMemoryGrantLedger()).host("0.0.0.0").port(0);
        IllegalStateException refused = assertThrows(IllegalStateException.class, everywhere::start);
        assertTrue(refused.getMessage().contains("token"), refused.getMessage());
        try (DecisionServer guarded = everywhere.token("s3cret-2f6b0c1e9a").start()) {
            assertEquals(401, send(guarded, "GET", "/v1/schema/case", null, null).statusCode());
        }
        assertTrue(DecisionServer.isLoopback("localhost"));
        assertTrue(DecisionServer.isLoopback("::1"));
        assertFalse(DecisionServer.isLoopback("0.0.0.0"));
    }
}
