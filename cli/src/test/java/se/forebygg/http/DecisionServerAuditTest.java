package se.forebygg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.audit.AuditReplay;
import se.forebygg.Forebygg;
import se.forebygg.ledger.jdbc.JdbcGrantLedger;

/**
 * {@code serve --audit-log}: the service logs every decision as {@code evaluate} does, a grant's line
 * before its commit and anchored in the ledger, from concurrent requests and across a restart, and the
 * log replays against the ledger.
 */
class DecisionServerAuditTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final String PROVIDER = "{\"type\":\"provider-approval\",\"caseId\":\"prv-%d\",\"decisionDate\":\"2025-01-10\","
            + "\"competences\":[\"PHYSICIAN\",\"NURSE\",\"WORK_ORGANISATION\",\"HEALTH_SCIENCE\",\"TECHNOLOGY\"]}";

    static HttpResponse<String> post(DecisionServer server, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/decisions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyDecisionOfTheServiceIsLoggedChainedAndAnchoredAcrossARestart(@TempDir Path dir) throws Exception {
        Forebygg engine = Forebygg.create();
        Path log = dir.resolve("audit.jsonl");
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        String employer = Applications.EMPLOYERS.get(0);
        List<String> employees = Applications.EMPLOYEES;
        try (JdbcGrantLedger ledger = JdbcGrantLedger.open(url)) {
            try (DecisionServer server = DecisionServer.builder(engine, ledger).port(0).auditLog(log, null).start()) {
                ExecutorService clients = Executors.newFixedThreadPool(8);
                try {
                    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        String body = Applications.grant("ars-" + i, employer, employees.get(i % employees.size()), 8_000)
                                + "\n" + PROVIDER.formatted(i);
                        answers.add(clients.submit(() -> post(server, body)));
                    }
                    for (Future<HttpResponse<String>> answer : answers) {
                        assertEquals(200, answer.get().statusCode(), answer.get().body());
                    }
                } finally {
                    clients.shutdownNow();
                }
            }
            // A new server on the same ledger and log: the same application is given back, and logged so.
            try (DecisionServer again = DecisionServer.builder(engine, ledger).port(0).auditLog(log, null).start()) {
                HttpResponse<String> resent = post(again, Applications.grant("ars-0", employer, employees.get(0), 8_000));
                assertEquals(200, resent.statusCode(), resent.body());
            }
            List<String> lines = Files.readAllLines(log);
            assertEquals(1 + 32 + 1, lines.size(), "a header, 16 grants and 16 approvals, the grant sent again");
            assertTrue(JSON.readTree(lines.get(lines.size() - 1)).path("recordedEarlier").asBoolean(), lines.get(lines.size() - 1));
            List<String> report = new ArrayList<>();
            AuditReplay.Summary summary = AuditReplay.check(log, engine, ledger, null, report::add);
            assertTrue(summary.checksOut() && summary.mismatches() == 0, summary + "\n" + String.join("\n", report));
            assertEquals(33, summary.lines() - 1, summary.toString());
            long anchored;
            try (var stream = ledger.anchoredIn(lineOf(lines.get(0), "auditLog"))) {
                anchored = stream.count();
            }
            assertEquals(16, anchored, "every grant the service committed is anchored in its log");
        }
    }

    @Test
    void aWithdrawalThroughTheRouteIsLoggedAheadFreesTheRoomAndReplaysAgainstTheLedger(@TempDir Path dir) throws Exception {
        Forebygg engine = Forebygg.create();
        Path log = dir.resolve("audit.jsonl");
        String employer = Applications.EMPLOYERS.get(1);
        String employee = Applications.EMPLOYEES.get(1);
        try (JdbcGrantLedger ledger = JdbcGrantLedger.open("jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath());
             DecisionServer server = DecisionServer.builder(engine, ledger).port(0).auditLog(log, null).start()) {
            assertEquals(200, post(server, Applications.grant("ars-a", employer, employee, 20_000)).statusCode());
            JsonNode full = JSON.readTree(post(server, Applications.grant("ars-b", employer, employee, 4_000)).body());
            assertEquals(0, full.at("/calculation/employeeRoomBefore").decimalValue().signum(), full.toString());

            HttpResponse<String> withdrawn = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/v1/withdrawals")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"caseId\":\"ars-a\",\"reason\":\"appeal upheld\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, withdrawn.statusCode(), withdrawn.body());
            JsonNode record = JSON.readTree(withdrawn.body());
            assertEquals("appeal upheld", record.at("/withdrawal/reason").asText());
            List<String> lines = Files.readAllLines(log);
            assertEquals(lines.size(), record.at("/withdrawal/anchor/line").asInt(), "the withdrawal's line is the log's last");

            JsonNode next = JSON.readTree(post(server, Applications.grant("ars-c", employer, employee, 4_000)).body());
            assertEquals(0, next.at("/calculation/employeeRoomBefore").decimalValue().compareTo(new java.math.BigDecimal("10000")),
                    "the 10 000 kr of ars-a are room again: " + next);

            List<String> report = new ArrayList<>();
            AuditReplay.Summary summary = AuditReplay.check(log, engine, ledger, null, report::add);
            assertTrue(summary.checksOut() && summary.mismatches() == 0, summary + "\n" + String.join("\n", report));
            assertTrue(summary.toString().endsWith("; 1 withdrawal"), summary.toString());
        }
    }

    private static String lineOf(String line, String field) throws Exception {
        JsonNode node = JSON.readTree(line);
        return node.get(field).asText();
    }
}
