package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.grant.RecordedGrant;
import se.forebygg.ledger.jdbc.JdbcGrantLedger;

/**
 * {@code evaluate --ledger --audit-log} in JVMs of their own: killed (SIGKILL) mid-run, stopped by a
 * full disk, and four at once on one log. Every grant the ledger committed has its audit line,
 * unchanged, and {@code replay --ledger} finds nothing but lines logged ahead of a commit that a kill
 * cut off.
 */
class AuditTrailCrashTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int APPLICATIONS = 200;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void killedRunsLeaveALineForEveryCommittedGrant(@TempDir Path dir) throws Exception {
        Path input = grants(dir, "grants.jsonl", "ars-", APPLICATIONS, 1);
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        Path log = dir.resolve("audit.jsonl");
        // Killed as soon as a line appears: often between a grant's line and its commit.
        for (int killAt : new int[] {30, 60, 90, 120, 150}) {
            Process run = AuditFixtures.cli(dir, null, "evaluate", "--ledger", url, "--audit-log", log.toString(),
                    input.toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (lines(log) < killAt && run.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertTrue(run.isAlive(), "the run was still deciding when it was killed");
            run.destroyForcibly().waitFor();

            everyCommittedGrantHasItsLine(url, log, APPLICATIONS);
            EvaluateCommandTest.Run replay = EvaluateCommandTest.run(null, "replay", log.toString(), "--ledger", url);
            assertEquals(0, replay.status(), String.join("\n", replay.lines()) + replay.err());
            for (String line : replay.lines().subList(0, replay.lines().size() - 1)) {
                assertTrue(line.startsWith("UNCOMMITTED line ") || line.startsWith("NOTE line "),
                        "only lines logged ahead of a commit the kill cut off: " + line);
            }
        }
        EvaluateCommandTest.Run rest = EvaluateCommandTest.run(null, "evaluate", "--ledger", url, "--audit-log",
                log.toString(), input.toString());
        assertEquals(0, rest.status(), rest.err());
        everyCommittedGrantHasItsLine(url, log, APPLICATIONS);
        EvaluateCommandTest.Run replay = EvaluateCommandTest.run(null, "replay", log.toString(), "--ledger", url);
        assertEquals(0, replay.status(), String.join("\n", replay.lines()) + replay.err());
        for (String line : replay.lines().subList(0, replay.lines().size() - 1)) {
            assertTrue(line.startsWith("UNCOMMITTED line ") && line.contains("; decided again at line "), line);
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aFullDiskGrantsNothingItCouldNotLog(@TempDir Path dir) throws Exception {
        Path input = grants(dir, "grants.jsonl", "ars-", APPLICATIONS, 1);
        Path log = dir.resolve("audit.jsonl");
        // The ledger is served by this JVM, so that only the evaluating JVM's files are limited.
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
        try {
            String url = "jdbc:h2:tcp://localhost:" + server.getPort() + "/ledger";
            Process full = AuditFixtures.cli(dir, "ulimit -f 100", "evaluate", "--ledger", url, "--audit-log",
                    log.toString(), input.toString());
            assertTrue(full.waitFor(120, TimeUnit.SECONDS));
            assertEquals(ExitCodes.INTERNAL_FAILURE, full.exitValue());
            assertTrue(stderr(dir).contains("cannot write to the audit log"), stderr(dir));
            byte[] bytes = Files.readAllBytes(log);
            assertTrue(bytes.length <= 100 * 1024 && bytes[bytes.length - 1] == '\n', "cut back to its last whole line");

            int committed = everyCommittedGrantHasItsLine(url, log, APPLICATIONS);
            assertTrue(committed > 0 && committed < APPLICATIONS, "stopped mid-run: " + committed);
            assertEquals(committed, Files.readAllLines(log).size() - 1, "nothing granted without its line, no line without its grant");
            EvaluateCommandTest.Run replay = EvaluateCommandTest.run(null, "replay", log.toString(), "--ledger", url);
            assertEquals(0, replay.status(), String.join("\n", replay.lines()) + replay.err());
            assertEquals(1, replay.lines().size(), replay.lines().toString());

            EvaluateCommandTest.Run rest = EvaluateCommandTest.run(null, "evaluate", "--ledger", url, "--audit-log",
                    log.toString(), input.toString());
            assertEquals(0, rest.status(), rest.err());
            assertEquals(APPLICATIONS, everyCommittedGrantHasItsLine(url, log, APPLICATIONS));
            assertEquals(0, EvaluateCommandTest.run(null, "replay", log.toString(), "--ledger", url).status());
        } finally {
            server.stop();
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void fourProcessesAppendingLongLinesKeepEveryLineWholeAndTheChainUnbroken(@TempDir Path dir) throws Exception {
        int processes = 4;
        int each = 15;
        Path log = dir.resolve("audit.jsonl");
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
        try {
            String url = "jdbc:h2:tcp://localhost:" + server.getPort() + "/ledger";
            List<Process> runs = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                Path input = grants(dir, "grants-" + p + ".jsonl", "p" + p + "-", each, 120);
                List<String> withOthers = new ArrayList<>(AuditFixtures.otherCases());
                withOthers.addAll(Files.readAllLines(input));
                Files.write(input, withOthers);
                runs.add(AuditFixtures.cli(dir, null, "evaluate", "--ledger", url, "--audit-log", log.toString(),
                        input.toString()));
            }
            for (Process run : runs) {
                assertTrue(run.waitFor(180, TimeUnit.SECONDS));
                assertEquals(0, run.exitValue(), stderr(dir));
            }
            List<String> lines = Files.readAllLines(log);
            int others = AuditFixtures.otherCases().size();
            assertEquals(1 + processes * (others + each), lines.size());
            long longLines = 0;
            for (String line : lines) {
                JSON.readTree(line);
                longLines += line.length() > 8192 ? 1 : 0;
            }
            assertEquals(processes * each, longLines, "every grant line is over 8 KB");

            EvaluateCommandTest.Run replay = EvaluateCommandTest.run(null, "replay", log.toString(), "--ledger", url);
            assertEquals(0, replay.status(), String.join("\n", replay.lines()) + replay.err());
            assertEquals(List.of(lines.size() + " lines read, " + (lines.size() - 1) + " replayed: 0 mismatches, 0 unreadable,"
                    + " 0 chain breaks, 0 unverified claims, 0 ledger disagreements; 0 given back from the ledger,"
                    + " 0 logged but never committed"), replay.lines());
        } finally {
            server.stop();
        }
    }

    /** Checks that each grant the ledger holds is anchored at its line of {@code log}, unchanged; returns how many. */
    private static int everyCommittedGrantHasItsLine(String url, Path log, int applications) throws IOException {
        List<String> lines = Files.readAllLines(log);
        String logId = JSON.readTree(lines.get(0)).get("auditLog").asText();
        int committed = 0;
        try (JdbcGrantLedger ledger = JdbcGrantLedger.open(url)) {
            for (int i = 0; i < applications; i++) {
                for (RecordedGrant g : ledger.history(String.format("ars-%03d", i))) {
                    committed++;
                    assertNotNull(g.anchor(), g.caseId() + " has an audit line");
                    assertEquals(logId, g.anchor().auditLogId());
                    int at = Math.toIntExact(g.anchor().line());
                    assertTrue(at <= lines.size(), g.caseId() + "'s line " + at + " is in the log");
                    assertEquals(g.anchor().lineHash(), AuditFixtures.sha256(lines.get(at - 1)), g.caseId() + "'s line as anchored");
                    assertTrue(lines.get(at - 1).contains("\"caseId\":\"" + g.caseId() + "\""));
                }
            }
        }
        return committed;
    }

    private static Path grants(Path dir, String name, String prefix, int count, int measures) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(AuditFixtures.grant(prefix + String.format("%03d", i), i, measures));
        }
        return Files.write(dir.resolve(name), lines);
    }

    private static long lines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.count();
        }
    }

    private static String stderr(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("stderr-")).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
