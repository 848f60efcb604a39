package se.forebygg.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.grant.AuditAnchor;
import se.forebygg.grant.ForwardingGrantLedger;
import se.forebygg.grant.EmployeeCondition;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.GrantProvider;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.grant.Measure;
import se.forebygg.grant.MeasureKind;
import se.forebygg.grant.RecordedGrant;

/** The audit log through its API: failed commits, writers in threads, a line cut short by a crash. */
class AuditLogTest {
    static final Forebygg ENGINE = Forebygg.create();
    static final ObjectMapper JSON = AuditLog.mapper();
    static final List<MeasureKind> KINDS = List.of(MeasureKind.INVESTIGATE, MeasureKind.PLAN, MeasureKind.IMPLEMENT,
            MeasureKind.FOLLOW_UP);

    @TempDir
    Path dir;

    static GrantCase grant(String caseId, String employerId, String employeeId, int measures) {
        List<Measure> list = new ArrayList<>();
        for (int j = 0; j < measures; j++) {
            list.add(new Measure(KINDS.get(j % KINDS.size()), LocalDate.of(2025, 1 + j % 8, 1 + j % 28),
                    new BigDecimal(measures == 1 ? 4000 : 40 + j)));
        }
        return new GrantCase(caseId, employerId, employeeId, EmployeeCondition.REDUCED_WORK_CAPACITY,
                new GrantProvider("P-3", true), list, LocalDate.of(2025, 9, 1), null);
    }

    @Test
    void aCommitThatFailsAfterItsLineIsLoggedAsNotCommittedAndIsNoLie() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        InMemoryGrantLedger ledger = new InMemoryGrantLedger();
        GrantCase a = grant("ars-1", "556000-0209", "19780630-4569", 1);
        try (AuditLog audit = AuditLog.append(log, ENGINE, new FailingCommits(ledger), null)) {
            assertThrows(IllegalStateException.class, () -> ENGINE.evaluate(a, audit.ledger()));
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(3, lines.size(), "header, the grant, its notCommitted line");
        assertTrue(lines.get(2).contains("\"pending\":[2],\"caseId\":\"ars-1\",\"notCommitted\":2,\"reason\":\"the database went away\""),
                lines.get(2));
        List<String> reports = new ArrayList<>();
        AuditReplay.Summary summary = AuditReplay.check(log, ENGINE, ledger, null, reports::add);
        assertTrue(summary.checksOut(), reports.toString());
        assertEquals(List.of("UNCOMMITTED line 2 (ars-1): logged, never committed to the ledger (its commit failed: the"
                + " database went away); not decided again in this log"), reports);

        try (AuditLog audit = AuditLog.append(log, ENGINE, ledger, null)) {
            ENGINE.evaluate(a, audit.ledger());
        }
        reports.clear();
        summary = AuditReplay.check(log, ENGINE, ledger, null, reports::add);
        assertTrue(summary.checksOut(), reports.toString());
        assertEquals(1, summary.uncommitted());
        assertTrue(reports.get(0).endsWith("; decided again at line 4"), reports.toString());
        RecordedGrant recorded = ledger.history("ars-1").get(0);
        assertEquals(4, recorded.anchor().line());
        assertEquals(Chain.sha256(Files.readAllLines(log).get(3).getBytes(StandardCharsets.UTF_8)), recorded.anchor().lineHash());
    }

    @Test
    void threadsWithTheirOwnLogObjectsNeverInterleaveLongLines() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        int threads = 4;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    try (AuditLog audit = AuditLog.append(log, ENGINE, new InMemoryGrantLedger(), null)) {
                        for (int i = 0; i < each; i++) {
                            ENGINE.evaluate(grant("t" + thread + "-" + i, "556000-0308", "19650505-3212", 120), audit.ledger());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(1 + threads * each, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.length() > 8192, "a long line: " + line.length());
            JSON.readTree(line);
        }
        List<String> reports = new ArrayList<>();
        AuditReplay.Summary summary = AuditReplay.check(log, ENGINE, null, null, reports::add);
        assertTrue(summary.checksOut(), reports.toString());
        assertEquals(threads * each, summary.replayed());
        assertEquals(List.of(), reports);
    }

    @Test
    void aLineCutShortByACrashIsNotedAndTheNextWriterDiscardsIt() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        InMemoryGrantLedger ledger = new InMemoryGrantLedger();
        try (AuditLog audit = AuditLog.append(log, ENGINE, ledger, null)) {
            ENGINE.evaluate(grant("ars-1", "556000-0407", "19930909-1115", 1), audit.ledger());
        }
        Files.writeString(log, "{\"seq\":3,\"prev\":\"sha256:0f", StandardOpenOption.APPEND);
        List<String> reports = new ArrayList<>();
        assertTrue(AuditReplay.check(log, ENGINE, ledger, null, reports::add).checksOut(), reports.toString());
        assertEquals(List.of("NOTE line 3: cut short (no end of line), a write that a crash interrupted; not checked"), reports);

        try (AuditLog audit = AuditLog.append(log, ENGINE, ledger, null)) {
            ENGINE.evaluate(grant("ars-2", "556000-0407", "19930909-1115", 1), audit.ledger());
        }
        reports.clear();
        AuditReplay.Summary summary = AuditReplay.check(log, ENGINE, ledger, null, reports::add);
        assertTrue(summary.checksOut(), reports.toString());
        assertEquals(List.of(), reports);
        assertEquals(3, summary.lines());
    }

    @Test
    void aFileThatIsNoAuditLogIsNotAppendedTo() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "shopping list\n");
        AuditLogException e = assertThrows(AuditLogException.class,
                () -> AuditLog.append(file, ENGINE, new InMemoryGrantLedger(), null));
        assertTrue(e.getMessage().endsWith("does not start with an audit log header: it is not an audit log, or its first"
                + " line was changed"), e.getMessage());
        assertEquals("shopping list\n", Files.readString(file));
        Files.writeString(file, "{\"no\":\"end of line\"}");
        assertThrows(AuditLogException.class, () -> AuditLog.append(file, ENGINE, new InMemoryGrantLedger(), null));
        assertEquals("{\"no\":\"end of line\"}", Files.readString(file), "left as it was");
    }

    /** A ledger whose commits fail, as when its database goes away between the audit line and the commit. */
    private static final class FailingCommits extends ForwardingGrantLedger {
        FailingCommits(GrantLedger ledger) {
            super(ledger);
        }

        @Override
        public Reservation reserve(GrantCase application) {
            return new ForwardingReservation(delegate().reserve(application)) {
                @Override
                public void commit(Decision decision, AuditAnchor anchor) {
                    throw new IllegalStateException("the database went away");
                }
            };
        }
    }
}
