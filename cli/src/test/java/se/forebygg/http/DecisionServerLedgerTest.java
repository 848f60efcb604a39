package se.forebygg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.Forebygg;
import se.forebygg.grant.GrantLedger;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.ledger.jdbc.JdbcGrantLedger;

/** The service keeps the grant caps across requests, concurrent ones and those of an earlier server on the same ledger. */
class DecisionServerLedgerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final BigDecimal EMPLOYEE_CAP = new BigDecimal(10_000);
    static final BigDecimal EMPLOYER_CAP = new BigDecimal(200_000);
    static Forebygg engine;

    @BeforeAll
    static void engine() {
        engine = Forebygg.create();
    }

    static HttpResponse<String> post(DecisionServer server, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/decisions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * 16 clients send 5 requests each at once; each request applies for one employee of employer A and
     * one of employer B, who had 180 000 kr granted elsewhere. Every application asks 8 000 kr, so the
     * caps bind: nobody's grants may add up to more than 10 000 kr, B's to more than 200 000 kr.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentRequestsTogetherNeverExceedTheCaps() throws Exception {
        String employerA = Applications.EMPLOYERS.get(0);
        String employerB = Applications.EMPLOYERS.get(1);
        int before = 180_000;
        GrantLedger ledger = new InMemoryGrantLedger();
        Map<String, BigDecimal> granted = new ConcurrentHashMap<>();
        try (DecisionServer server = DecisionServer.start(engine, ledger, "127.0.0.1", 0)) {
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int client = t;
                done.add(clients.submit(() -> {
                    for (int r = 0; r < 5; r++) {
                        String employee = Applications.EMPLOYEES.get((client + r) % Applications.EMPLOYEES.size());
                        String body = Applications.grant("a-" + client + "-" + r, employerA, employee, 16_000) + "\n"
                                + Applications.grant("b-" + client + "-" + r, employerB, employee, 16_000, before) + "\n";
                        HttpResponse<String> response = post(server, body);
                        assertEquals(200, response.statusCode(), response.body());
                        for (String line : response.body().split("\n")) {
                            JsonNode decision = JSON.readTree(line);
                            String key = decision.get("caseId").asText().charAt(0) + " " + employee;
                            granted.merge(key, decision.get("amount").decimalValue(), BigDecimal::add);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
        }
        BigDecimal totalA = BigDecimal.ZERO;
        BigDecimal totalB = BigDecimal.ZERO;
        for (String employee : Applications.EMPLOYEES) {
            BigDecimal a = granted.getOrDefault("a " + employee, BigDecimal.ZERO);
            BigDecimal b = granted.getOrDefault("b " + employee, BigDecimal.ZERO);
            assertTrue(a.compareTo(EMPLOYEE_CAP) <= 0, employee + " at A: " + a);
            assertTrue(b.compareTo(EMPLOYEE_CAP) <= 0, employee + " at B: " + b);
            assertEquals(0, a.compareTo(ledger.granted(employerA, employee, 2025)), employee + " at A in the ledger");
            totalA = totalA.add(a);
            totalB = totalB.add(b);
        }
        // Each employee applied at A at least twice (16 000 kr asked): each reached the cap exactly.
        assertEquals(0, totalA.compareTo(EMPLOYEE_CAP.multiply(new BigDecimal(Applications.EMPLOYEES.size()))), "A: " + totalA);
        // B had 20 000 kr of room left: used up, never passed.
        assertEquals(0, totalB.compareTo(EMPLOYER_CAP.subtract(new BigDecimal(before))), "B: " + totalB);
        assertEquals(0, totalB.compareTo(ledger.granted(employerB, 2025)), "B in the ledger");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aDatabaseLedgerCarriesTheCapsOverToTheNextServer(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        String employer = Applications.EMPLOYERS.get(2);
        String employee = Applications.EMPLOYEES.get(3);
        String first = Applications.grant("ars-first", employer, employee, 16_000);
        String firstDecision;
        try (JdbcGrantLedger ledger = JdbcGrantLedger.open(url);
             DecisionServer server = DecisionServer.start(engine, ledger, "127.0.0.1", 0)) {
            HttpResponse<String> response = post(server, first);
            assertEquals(200, response.statusCode(), response.body());
            firstDecision = response.body();
            assertEquals(0, new BigDecimal(8_000).compareTo(JSON.readTree(firstDecision).get("amount").decimalValue()),
                    firstDecision);
        }
        try (JdbcGrantLedger ledger = JdbcGrantLedger.open(url);
             DecisionServer server = DecisionServer.start(engine, ledger, "127.0.0.1", 0)) {
            HttpResponse<String> second = post(server, Applications.grant("ars-second", employer, employee, 16_000));
            assertEquals(200, second.statusCode(), second.body());
            JsonNode decision = JSON.readTree(second.body());
            assertEquals(0, new BigDecimal(2_000).compareTo(decision.get("amount").decimalValue()),
                    "only the room the first server left: " + second.body());
            HttpResponse<String> again = post(server, first);
            assertEquals(200, again.statusCode(), again.body());
            assertEquals(firstDecision, again.body(), "the same application again: its stored decision");
            assertEquals(0, EMPLOYEE_CAP.compareTo(ledger.granted(employer, employee, 2025)));
        }
    }
}
