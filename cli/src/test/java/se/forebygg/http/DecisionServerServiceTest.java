package se.forebygg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import se.forebygg.Forebygg;
import se.forebygg.grant.GrantLedger;
import se.forebygg.ledger.InMemoryGrantLedger;

/** What makes the decision service a service: language, HEAD, the decision schema, metrics, access log, shutdown. */
class DecisionServerServiceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Forebygg engine;
    static DecisionServer server;
    static final List<String> accessLines = new CopyOnWriteArrayList<>();
    static List<String> demo;

    @BeforeAll
    static void start() throws Exception {
        engine = Forebygg.create();
        server = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0).accessLog(accessLines::add).start();
        demo = Files.readAllLines(Path.of("../examples/data/demo-cases.jsonl")).stream()
                .filter(l -> !l.isBlank() && !l.contains("workplace-rehabilitation-grant")).limit(4).toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static java.net.http.HttpResponse<String> send(String method, String target, Map<String, String> headers, String body)
            throws Exception {
        return OpenApiTest.send(server, method, target, headers, body);
    }

    static String explain(String target, Map<String, String> headers) throws Exception {
        java.net.http.HttpResponse<String> response = send("POST", target, headers, demo.get(1));
        assertEquals(200, response.statusCode(), response.body());
        String language = response.body().startsWith("Ärende psb-0002") ? "sv"
                : response.body().startsWith("Case psb-0002") ? "en" : "?";
        assertEquals(language, response.headers().firstValue("Content-Language").orElse(""), response.body());
        assertEquals("Accept-Language", response.headers().firstValue("Vary").orElse(""));
        return language;
    }

    @Test
    void explanationsFollowLangThenAcceptLanguageThenEnglish() throws Exception {
        assertEquals("en", explain("/v1/explanations", Map.of()));
        assertEquals("sv", explain("/v1/explanations?lang=sv", Map.of()));
        assertEquals("sv", explain("/v1/explanations?lang=sv-SE", Map.of()));
        assertEquals("en", explain("/v1/explanations?lang=en", Map.of("Accept-Language", "sv")), "the query wins");
        assertEquals("sv", explain("/v1/explanations?lang=sv", Map.of("Accept-Language", "en")), "the query wins");
        assertEquals("sv", explain("/v1/explanations", Map.of("Accept-Language", "sv")));
        assertEquals("sv", explain("/v1/explanations", Map.of("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.8")));
        assertEquals("sv", explain("/v1/explanations", Map.of("Accept-Language", "en;q=0.4, sv;q=0.9")), "by quality, not order");
        assertEquals("sv", explain("/v1/explanations", Map.of("Accept-Language", "fr, de;q=0.9, sv;q=0.1")));
        assertEquals("en", explain("/v1/explanations", Map.of("Accept-Language", "sv;q=0, en;q=0.1")), "q=0 refuses");
        assertEquals("en", explain("/v1/explanations", Map.of("Accept-Language", "fr, de")), "neither: English");
        assertEquals("en", explain("/v1/explanations", Map.of("Accept-Language", "*")));
        assertEquals("en", explain("/v1/explanations", Map.of("Accept-Language", ";;;q=x")), "unreadable: English");
        java.net.http.HttpResponse<String> unknown = send("POST", "/v1/explanations?lang=fi", Map.of(), demo.get(1));
        assertEquals(400, unknown.statusCode());
        assertEquals("lang=fi is no language of this service: use sv or en",
                JSON.readTree(unknown.body()).get("error").get("message").asText());
    }

    @Test
    void theDecisionSchemaIsServedAsTheContractHasIt() throws Exception {
        java.net.http.HttpResponse<String> response = send("GET", "/v1/schema/decision", Map.of(), null);
        assertEquals(200, response.statusCode());
        assertEquals("application/schema+json", response.headers().firstValue("Content-Type").orElse(""));
        try (InputStream in = getClass().getResourceAsStream(OpenApi.DECISION_SCHEMA)) {
            assertEquals(JSON.readTree(in), JSON.readTree(response.body()));
        }
    }

    @Test
    void headAnswersWhereverGetDoesWithTheSameHeadersAndNoBody() throws Exception {
        for (Route route : Route.values()) {
            if (!route.method().equals("GET")) {
                assertEquals(405, send("HEAD", route.path(), Map.of(), null).statusCode(), route.path());
                continue;
            }
            java.net.http.HttpResponse<String> get = send("GET", route.path(), Map.of(), null);
            java.net.http.HttpResponse<String> head = send("HEAD", route.path(), Map.of(), null);
            assertEquals(200, head.statusCode(), route.path());
            assertEquals("", head.body(), route.path());
            assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), route.path());
            if (route != Route.METRICS) { // a scrape's length changes from one to the next
                assertEquals(get.headers().firstValue("Content-Length"), head.headers().firstValue("Content-Length"),
                        route.path());
                assertEquals(get.body().getBytes(StandardCharsets.UTF_8).length,
                        Long.parseLong(head.headers().firstValue("Content-Length").orElse("-1")), route.path());
            }
        }
    }

    /** The value of the series {@code name{labels}} in a scrape; 0 when absent. */
    static double value(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(scrape);
        double sum = 0;
        while (m.find()) {
            List<String> have = m.group(1) == null ? List.of() : List.of(m.group(1).split(","));
            if (labels.isEmpty() || have.containsAll(List.of(labels.split(",")))) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    static String scrape() throws Exception {
        java.net.http.HttpResponse<String> response = send("GET", "/metrics", Map.of(), null);
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }

    @Test
    void metricsCountDecisionsRefusalsRequestsAndLedgerWaits() throws Exception {
        String before = scrape();
        String psb = "benefit=\"preventive-sickness-benefit\"";
        String grant = "benefit=\"workplace-rehabilitation-grant\",outcome=\"APPROVED\"";
        String decisions = "route=\"/v1/decisions\",status=\"200\"";
        assertEquals(200, send("POST", "/v1/decisions", Map.of(), String.join("\n", demo)).statusCode());
        assertEquals(200, send("POST", "/v1/decisions", Map.of(), Applications.grant("ars-metrics",
                Applications.EMPLOYERS.get(5), Applications.EMPLOYEES.get(5), 4_000)).statusCode());
        assertEquals(400, send("POST", "/v1/decisions", Map.of(), "{\"type\":").statusCode());
        assertEquals(404, send("GET", "/v1/nothing-" + System.nanoTime(), Map.of(), null).statusCode());
        String after = scrape();
        long psbCases = demo.stream().filter(l -> l.contains("preventive-sickness-benefit")).count();
        assertEquals(psbCases, value(after, "forebygg_decisions_total", psb) - value(before, "forebygg_decisions_total", psb));
        assertEquals(1, value(after, "forebygg_decisions_total", grant) - value(before, "forebygg_decisions_total", grant));
        assertEquals(1, value(after, "forebygg_refusals_total", "cause=\"bad_input\"")
                - value(before, "forebygg_refusals_total", "cause=\"bad_input\""));
        assertEquals(0, value(after, "forebygg_refusals_total", "cause=\"ledger\""), "every series is there from the start");
        assertTrue(after.contains("forebygg_refusals_total{cause=\"rules\"} 0"), after);
        assertEquals(2, value(after, "http_server_requests_seconds_count", decisions + ",method=\"POST\"")
                - value(before, "http_server_requests_seconds_count", decisions + ",method=\"POST\""));
        assertTrue(value(after, "http_server_requests_seconds_bucket", decisions + ",le=\"+Inf\"") >= 2, after);
        assertTrue(value(after, "http_server_requests_seconds_count", "route=\"none\",status=\"404\"") >= 1,
                "unknown paths share one label: " + after);
        assertEquals(1, value(after, "forebygg_ledger_wait_seconds_count", "") - value(before, "forebygg_ledger_wait_seconds_count", ""));
        assertTrue(after.contains("forebygg_ledger_wait_seconds_bucket{le=\"+Inf\"}"), "a histogram");
        for (String basic : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds",
                "jetty_threads_busy", "jetty_connections_current")) {
            assertTrue(after.contains("\n" + basic), basic + " in " + after);
        }
    }

    @Test
    void metricsWantTheTokenWhereEverythingButHealthDoes() throws Exception {
        try (DecisionServer guarded = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0).token("m3trics-t0ken")
                .start()) {
            assertEquals(401, OpenApiTest.send(guarded, "GET", "/metrics", Map.of(), null).statusCode());
            assertEquals(200, OpenApiTest.send(guarded, "GET", "/metrics", Map.of("Authorization", "Bearer m3trics-t0ken"),
                    null).statusCode());
            assertEquals(200, OpenApiTest.send(guarded, "HEAD", "/health", Map.of(), null).statusCode());
        }
    }

    @Test
    void theAccessLogHasOneLinePerRequestWithAShortenedPath() throws Exception {
        String marker = "/v1/access-" + System.nanoTime() + "-";
        String longPath = marker + "x".repeat(500);
        send("GET", longPath, Map.of(), null);
        java.net.http.HttpResponse<String> decided = send("POST", "/v1/decisions?lang=sv", Map.of(), demo.get(0));
        String line = awaitLine(marker);
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z 127\\.0\\.0\\.1 GET /v1/access-\\S{89}… 404 \\d+ \\d+ms"), line);
        String decision = awaitLine("POST /v1/decisions 200");
        assertTrue(decision.endsWith(" 200 " + decided.body().getBytes(StandardCharsets.UTF_8).length + " "
                + decision.substring(decision.lastIndexOf(' ') + 1)), decision);
        assertTrue(decision.matches(".* POST /v1/decisions 200 \\d+ \\d+ms"), "no query in the line: " + decision);
    }

    static String awaitLine(String part) throws InterruptedException {
        for (int i = 0; i < 100; i++) { // written once the answer is complete, possibly after the client has it
            for (String line : accessLines) {
                if (line.contains(part)) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no access log line with " + part + " in " + accessLines);
    }

    /**
     * Closing while a grant is being decided (held in the ledger): the server stops accepting at once,
     * the decision in flight is finished and answered, then close returns.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closingFinishesTheRequestsInFlightAndAcceptsNoMore() throws Exception {
        CountDownLatch inLedger = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GrantLedger slow = DecisionServerAbuseTest.ledgerThat(() -> {
            inLedger.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        DecisionServer stopping = DecisionServer.builder(engine, slow).port(0).shutdownTimeout(Duration.ofSeconds(20)).start();
        int port = stopping.port();
        CompletableFuture<java.net.http.HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return OpenApiTest.send(stopping, "POST", "/v1/decisions", Map.of(), Applications.grant("ars-shutdown",
                        Applications.EMPLOYERS.get(6), Applications.EMPLOYEES.get(6), 4_000));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(inLedger.await(20, TimeUnit.SECONDS));
        CompletableFuture<Void> closed = CompletableFuture.runAsync(stopping::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) { // the connector closes first
            try (Socket probe = new Socket("127.0.0.1", port)) {
                assertTrue(System.nanoTime() < deadline, "still accepting connections while stopping");
                Thread.sleep(50);
            } catch (ConnectException refused) {
                break;
            }
        }
        assertTrue(!closed.isDone(), "close waits for the request in flight");
        release.countDown();
        java.net.http.HttpResponse<String> answer = inFlight.get(20, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("ars-shutdown", JSON.readTree(answer.body()).get("caseId").asText());
        closed.get(20, TimeUnit.SECONDS);
    }

    /** A request that does not finish within the shutdown timeout does not hold the stop longer. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theShutdownTimeoutBoundsTheWait() throws Exception {
        DecisionServer stopping = DecisionServer.builder(engine, new InMemoryGrantLedger()).port(0)
                .shutdownTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(50)).start();
        try (Socket socket = new Socket("127.0.0.1", stopping.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("POST /v1/decisions HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the request is in the handler, its body never completes
            long start = System.nanoTime();
            stopping.close();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds < 10, "closed after " + seconds + " s");
            socket.setSoTimeout(10_000);
            try {
                socket.getInputStream().readAllBytes(); // the connection is ended
            } catch (IOException reset) {
                // ended either way
            }
        }
    }
}
