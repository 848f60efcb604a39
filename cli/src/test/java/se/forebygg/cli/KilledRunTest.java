package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.ledger.jdbc.JdbcGrantLedger;
import se.forebygg.testkit.SwedishIds;

/**
 * {@code evaluate --ledger} killed (SIGKILL) in the middle of a batch of grant applications: the
 * ledger is consistent afterwards, every decision the killed run logged is in it, and running the
 * batch again completes it without counting anything twice.
 */
class KilledRunTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int APPLICATIONS = 200;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aKilledRunLeavesAConsistentLedgerAndTheRerunCompletesIt(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("grants.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            lines.add("{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"ars-" + i + "\",\"employerId\":\"" + SwedishIds.employer(i % 2)
                    + "\",\"employeeId\":\"" + SwedishIds.employee(i % 40) + "\",\"employeeCondition\":\"REDUCED_WORK_CAPACITY\","
                    + "\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},\"measures\":[{\"kind\":\"INVESTIGATE\","
                    + "\"performedOn\":\"2025-04-02\",\"amountPaid\":" + (3000 + 37 * i) + "}],\"submittedOn\":\"2025-09-"
                    + String.format("%02d", 1 + i % 28) + "\"}");
        }
        Files.write(input, lines);
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        Path killedLog = dir.resolve("killed.jsonl");

        Process killed = cli(dir, "evaluate", "--ledger", url, "--audit-log", killedLog.toString(), input.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (logged(killedLog) < 30 && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(killed.isAlive(), "the run was still deciding when it was killed");
        killed.destroyForcibly().waitFor();
        List<String> logged = Files.readAllLines(killedLog);
        assertTrue(logged.size() < APPLICATIONS, "killed mid-batch: " + logged.size());

        Map<String, String> beforeKill = new HashMap<>();
        for (int i = 0; i < logged.size(); i++) {
            JsonNode entry;
            try {
                entry = JSON.readTree(logged.get(i));
            } catch (IOException cut) {
                assertEquals(logged.size() - 1, i, "only the last line can be cut short by the kill");
                continue;
            }
            if (!entry.has("decision")) {
                continue; // the header
            }
            beforeKill.put(entry.get("caseId").asText(), JSON.writeValueAsString(entry.get("decision")));
        }
        try (JdbcGrantLedger ledger = JdbcGrantLedger.open(url)) {
            for (int e = 0; e < 2; e++) {
                assertTrue(ledger.granted(SwedishIds.employer(e), 2025).compareTo(new BigDecimal("200000")) <= 0);
            }
        }

        Process rerun = cli(dir, "evaluate", "--ledger", url, input.toString());
        String out = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(rerun.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, rerun.exitValue(), out);
        List<String> results = out.lines().toList();
        assertEquals(APPLICATIONS, results.size());
        Map<String, BigDecimal> perEmployer = new HashMap<>();
        Map<String, BigDecimal> perEmployee = new HashMap<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            JsonNode d = JSON.readTree(results.get(i));
            String id = d.get("caseId").asText();
            assertEquals("ars-" + i, id);
            if (beforeKill.containsKey(id)) {
                assertEquals(beforeKill.get(id), JSON.writeValueAsString(d), "given back as decided before the kill");
            }
            perEmployer.merge(SwedishIds.employer(i % 2), d.get("amount").decimalValue(), BigDecimal::add);
            perEmployee.merge((i % 2) + "/E-" + (i % 40), d.get("amount").decimalValue(), BigDecimal::add);
        }
        perEmployer.values().forEach(v -> assertTrue(v.compareTo(new BigDecimal("200000")) <= 0, v.toString()));
        perEmployee.values().forEach(v -> assertTrue(v.compareTo(new BigDecimal("10000")) <= 0, v.toString()));
        try (JdbcGrantLedger ledger = JdbcGrantLedger.open(url)) {
            for (int e = 0; e < 2; e++) {
                assertEquals(0, ledger.granted(SwedishIds.employer(e), 2025).compareTo(perEmployer.get(SwedishIds.employer(e))),
                        "the ledger holds each decision once");
            }
        }

        Process third = cli(dir, "evaluate", "--ledger", url, input.toString());
        String again = new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(third.waitFor(120, TimeUnit.SECONDS));
        assertEquals(out, again, "a complete batch again changes nothing");
    }

    private static Process cli(Path dir, String... args) throws IOException {
        return ChildJvm.forebygg(dir, args).start();
    }

    private static long logged(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.count();
        }
    }
}
