package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --ledger} and {@code --audit-log}, and {@code replay}, as a shell user runs them. */
class LedgerCommandTest {

    @Test
    void aLedgerMakesARunIdempotentAndRefusesAChangedApplication(@TempDir Path dir) throws Exception {
        String ledger = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        EvaluateCommandTest.Run first = EvaluateCommandTest.run(null, "evaluate", "--ledger", ledger,
                EvaluateCommandTest.DEMO.toString());
        assertEquals(0, first.status(), first.err());
        EvaluateCommandTest.Run again = EvaluateCommandTest.run(null, "evaluate", "--ledger", ledger,
                EvaluateCommandTest.DEMO.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(first.lines(), again.lines(), "the same applications again: the same decisions, counted once");

        List<String> lines = new ArrayList<>(Files.readAllLines(EvaluateCommandTest.DEMO));
        int changed = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"caseId\":\"ars-0001\"")) {
                lines.set(i, lines.get(i).replace("\"amountPaid\":8000", "\"amountPaid\":8001"));
                changed = i;
            }
        }
        Path file = dir.resolve("changed.jsonl");
        Files.write(file, lines);
        EvaluateCommandTest.Run refused = EvaluateCommandTest.run(null, "evaluate", "--ledger", ledger, file.toString());
        assertEquals(2, refused.status(), refused.err());
        String error = refused.lines().get(changed);
        assertTrue(error.startsWith("{\"caseId\":\"ars-0001\",\"error\":{\"line\":" + (changed + 1)
                + ",\"path\":\"$.caseId\""), error);
        for (int i = 0; i < lines.size(); i++) {
            if (i != changed) {
                assertEquals(first.lines().get(i), refused.lines().get(i));
            }
        }
    }

    @Test
    void anAuditLogReplaysWithoutMismatchesAndATamperedOneDoesNot(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("audit.jsonl");
        String ledger = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "evaluate", "--ledger", ledger,
                "--audit-log", log.toString(), EvaluateCommandTest.DEMO.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(1 + run.lines().size(), Files.readAllLines(log).size(), "a header, then a line per decision");
        // A second run appends; its grants come back from the ledger and are marked so.
        EvaluateCommandTest.Run second = EvaluateCommandTest.run(null, "evaluate", "--ledger", ledger,
                "--audit-log", log.toString(), EvaluateCommandTest.DEMO.toString());
        assertEquals(0, second.status(), second.err());

        EvaluateCommandTest.Run replay = EvaluateCommandTest.run(null, "replay", log.toString());
        assertEquals(0, replay.status(), String.join("\n", replay.lines()) + replay.err());
        String summary = replay.lines().get(replay.lines().size() - 1);
        assertTrue(summary.startsWith((1 + 2 * run.lines().size()) + " lines read, " + (2 * run.lines().size() - grants(run))
                + " replayed: 0 mismatches"), summary);

        List<String> entries = new ArrayList<>(Files.readAllLines(log));
        int grant = -1;
        for (int i = 0; i < entries.size() && grant < 0; i++) {
            if (entries.get(i).contains("\"caseId\":\"ars-0002\"")) {
                grant = i;
            }
        }
        entries.set(grant, entries.get(grant).replaceFirst("\"priorGrants\":\\{\"employee\":[0-9.]+", "\"priorGrants\":{\"employee\":0"));
        Files.write(log, entries);
        EvaluateCommandTest.Run tampered = EvaluateCommandTest.run(null, "replay", log.toString());
        assertEquals(ExitCodes.UNTRUSTED_LOG, tampered.status(), "the changed line also breaks the chain");
        assertTrue(tampered.lines().get(0).startsWith("MISMATCH line " + (grant + 1) + " (ars-0002)"), tampered.lines().get(0));
        assertTrue(tampered.lines().get(1).startsWith("CHAIN line " + (grant + 2) + ": it is not chained to line " + (grant + 1)),
                tampered.lines().get(1));
    }

    private static int grants(EvaluateCommandTest.Run run) {
        return (int) run.lines().stream().filter(l -> l.contains("workplace-rehabilitation-grant")).count();
    }
}
