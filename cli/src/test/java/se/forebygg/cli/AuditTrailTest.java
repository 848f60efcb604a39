package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.forebygg.cli.AuditFixtures.rechain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.engine.Case;
import se.forebygg.Forebygg;
import se.forebygg.grant.AlreadyGranted;
import se.forebygg.grant.GrantCase;
import se.forebygg.json.ForebyggJson;

/**
 * {@code replay} of an audit log that two runs of {@code evaluate --ledger} appended to (the second
 * run's grants given back from the ledger), and of the same log tampered with: each change is named
 * by its line and makes replay exit non-zero.
 */
class AuditTrailTest {
    static final Forebygg ENGINE = Forebygg.create();
    static final ObjectMapper JSON = ForebyggJson.newMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final int GRANTS = 12;

    @TempDir
    Path dir;
    Path log;
    String ledger;
    List<String> written;
    int others;

    @BeforeEach
    void twoRuns() throws Exception {
        List<String> input = new ArrayList<>(AuditFixtures.otherCases());
        others = input.size();
        for (int i = 0; i < GRANTS; i++) {
            input.add(AuditFixtures.grant(String.format("ars-%02d", i), i, 1));
        }
        Path cases = dir.resolve("cases.jsonl");
        Files.write(cases, input);
        log = dir.resolve("audit.jsonl");
        ledger = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        for (int run = 0; run < 2; run++) {
            EvaluateCommandTest.Run evaluated = EvaluateCommandTest.run(null, "evaluate", "--ledger", ledger,
                    "--audit-log", log.toString(), cases.toString());
            assertEquals(0, evaluated.status(), evaluated.err());
        }
        written = Files.readAllLines(log);
    }

    @Test
    void aLogAsWrittenChecksOutWithAndWithoutTheLedger() {
        String summary = (1 + 2 * (others + GRANTS)) + " lines read, " + (2 * others + GRANTS) + " replayed: 0 mismatches,"
                + " 0 unreadable, 0 chain breaks, 0 unverified claims, 0 ledger disagreements; " + GRANTS
                + " given back from the ledger, 0 logged but never committed";
        EvaluateCommandTest.Run replay = replay(written);
        assertEquals(0, replay.status(), replay.lines() + replay.err());
        assertEquals(List.of(summary), replay.lines());
        EvaluateCommandTest.Run withLedger = replay(written, "--ledger", ledger);
        assertEquals(0, withLedger.status(), withLedger.lines() + withLedger.err());
        assertEquals(List.of(summary), withLedger.lines());
    }

    @Test
    void aLineRewrittenConsistentlyBreaksTheChainAndIsNotTheLineTheLedgerAnchored() throws Exception {
        int k = firstDecision(3);
        List<String> lines = new ArrayList<>(written);
        lines.set(k - 1, rewritten(lines.get(k - 1)));
        EvaluateCommandTest.Run replay = replay(lines);
        assertEquals(ExitCodes.UNTRUSTED_LOG, replay.status());
        reports(replay, "CHAIN line " + (k + 1) + ": it is not chained to line " + k + ": line " + k + " was changed");
        assertTrue(replay.lines().stream().noneMatch(l -> l.startsWith("MISMATCH")), "consistent: " + replay.lines());

        // A forger recomputes the unkeyed chain: the second run's line given back from the ledger no longer
        // repeats it, and the ledger keeps each grant line's hash.
        List<String> forged = rechain(lines);
        EvaluateCommandTest.Run unchained = replay(forged);
        assertEquals(ExitCodes.UNTRUSTED_LOG, unchained.status());
        reports(unchained, "UNVERIFIED line " + givenBack(caseId(k)) + " (" + caseId(k) + "): claims recordedEarlier");
        EvaluateCommandTest.Run withLedger = replay(forged, "--ledger", ledger);
        assertEquals(ExitCodes.UNTRUSTED_LOG, withLedger.status());
        reports(withLedger, "LEDGER line " + k + " (" + caseId(k) + "): not the line the ledger anchored");
    }

    @Test
    void whatAnUnkeyedChainCannotCatch() throws Exception {
        int k = 1 + others; // the first run's last case other than a grant: a provider approval
        List<String> lines = new ArrayList<>(written);
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(k - 1));
        ((ObjectNode) line.get("case")).putArray("competences").add("PHYSICIAN");
        Case changed = JSON.treeToValue(line.get("case"), Case.class);
        line.put("inputHash", ForebyggJson.inputHash(changed));
        line.set("decision", JSON.valueToTree(ENGINE.evaluate(changed)));
        lines.set(k - 1, JSON.writeValueAsString(line));
        reports(replay(lines), "CHAIN line " + (k + 1) + ": it is not chained to line " + k);
        // Rewritten consistently and the chain recomputed: without the ledger it passes (a keyed chain would
        // not). The ledger's anchor of each later grant line covers the chain up to it, this line included.
        assertEquals(0, replay(rechain(lines)).status());
        EvaluateCommandTest.Run withLedger = replay(rechain(lines), "--ledger", ledger);
        assertEquals(ExitCodes.UNTRUSTED_LOG, withLedger.status());
        reports(withLedger, "LEDGER line " + firstDecision(1) + " (" + caseId(firstDecision(1)) + "): not the line the"
                + " ledger anchored: this line or one before it was changed after the grant was committed (and "
                + (GRANTS - 1) + " later grant lines, which chain to it)");
    }

    @Test
    void aDeletedLineBreaksTheChain() {
        int k = firstDecision(2);
        List<String> lines = new ArrayList<>(written);
        lines.remove(k - 1);
        EvaluateCommandTest.Run replay = replay(lines);
        assertEquals(ExitCodes.UNTRUSTED_LOG, replay.status());
        reports(replay, "CHAIN line " + k + ": seq jumps from " + (k - 1) + " to " + (k + 1));
        reports(replay(lines, "--ledger", ledger), "LEDGER " + caseId(k) + ": the ledger's grant is anchored at seq " + k
                + ", but the log has no first decision on " + caseId(k) + " with that seq");
    }

    @Test
    void aRepeatedLineBreaksTheChain() {
        int k = firstDecision(2);
        List<String> lines = new ArrayList<>(written);
        lines.add(k, lines.get(k - 1));
        EvaluateCommandTest.Run replay = replay(lines);
        assertEquals(ExitCodes.UNTRUSTED_LOG, replay.status());
        reports(replay, "CHAIN line " + (k + 1) + ": seq " + k + " after " + k + ": a line repeated or moved here");
    }

    @Test
    void swappedLinesBreakTheChain() {
        int k = firstDecision(4);
        List<String> lines = new ArrayList<>(written);
        lines.set(k - 1, written.get(k));
        lines.set(k, written.get(k - 1));
        EvaluateCommandTest.Run replay = replay(lines);
        assertEquals(ExitCodes.UNTRUSTED_LOG, replay.status());
        reports(replay, "CHAIN line " + k + ": seq jumps from " + (k - 1) + " to " + (k + 1));
        assertEquals(1, replay.lines().stream().filter(l -> l.startsWith("CHAIN")).count(), "one break, named once");
    }

    @Test
    void aFirstDecisionFlaggedRecordedEarlierIsAnUnverifiedClaim() {
        int k = firstDecision(5);
        List<String> lines = new ArrayList<>(written);
        lines.set(k - 1, lines.get(k - 1).replaceFirst("\"priorGrants\":\\{[^}]*}", "\"recordedEarlier\":true"));
        EvaluateCommandTest.Run replay = replay(lines);
        assertEquals(ExitCodes.UNTRUSTED_LOG, replay.status());
        reports(replay, "UNVERIFIED line " + k + " (" + caseId(k) + "): claims recordedEarlier, but no earlier line of"
                + " this log decided it so");
        reports(replay, "CHAIN line " + (k + 1) + ": it is not chained to line " + k);

        List<String> forged = rechain(lines);
        EvaluateCommandTest.Run unchained = replay(forged);
        assertEquals(ExitCodes.UNTRUSTED_LOG, unchained.status(), "the claim fails even with the chain recomputed");
        reports(unchained, "UNVERIFIED line " + k + " (" + caseId(k) + ")");
        EvaluateCommandTest.Run withLedger = replay(forged, "--ledger", ledger);
        assertEquals(ExitCodes.UNTRUSTED_LOG, withLedger.status());
        reports(withLedger, "UNVERIFIED line " + k + " (" + caseId(k) + "): claims recordedEarlier, but the ledger's"
                + " decision was logged at line " + k + " of this log, not before");
    }

    @Test
    void aGarbageLineIsNamedAndTheRestIsStillChecked() {
        int later = firstDecision(6);
        List<String> lines = new ArrayList<>(written);
        lines.set(later - 1, lines.get(later - 1).replaceFirst("\"priorGrants\":\\{\"employee\":[0-9.]+",
                "\"priorGrants\":{\"employee\":9999"));
        lines.add(6, "{\"seq\": 7, this is not JSON");
        EvaluateCommandTest.Run replay = replay(lines);
        assertEquals(ExitCodes.UNTRUSTED_LOG, replay.status());
        reports(replay, "UNREADABLE line 7: not JSON: ");
        reports(replay, "MISMATCH line " + (later + 1) + " (" + caseId(later) + "): ");
    }

    @Test
    void onlyMismatchesExitWithThree() {
        int k = firstDecision(6);
        List<String> lines = new ArrayList<>(written);
        lines.set(k - 1, lines.get(k - 1).replaceFirst("\"priorGrants\":\\{\"employee\":[0-9.]+",
                "\"priorGrants\":{\"employee\":9999"));
        EvaluateCommandTest.Run replay = replay(rechain(lines));
        assertEquals(ExitCodes.MISMATCH, replay.status(), replay.lines().toString());
        reports(replay, "MISMATCH line " + k + " (" + caseId(k) + "): ");
    }

    @Test
    void aGrantTheRunWentPastThatTheLedgerLacksIsALie() throws Exception {
        int k = firstDecision(2);
        try (Connection c = DriverManager.getConnection(ledger); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("DELETE FROM grant_decision WHERE case_id = '" + caseId(k) + "'"));
        }
        EvaluateCommandTest.Run replay = replay(written, "--ledger", ledger);
        assertEquals(ExitCodes.UNTRUSTED_LOG, replay.status());
        reports(replay, "LEDGER line " + k + " (" + caseId(k) + "): its run went on past its commit, but the ledger"
                + " holds no grant anchored at this line: the ledger has no decision on " + caseId(k));
    }

    @Test
    void linesCutOffTheEndShowOnlyAgainstTheLedger() {
        List<String> cut = written.subList(0, firstDecision(GRANTS - 1));
        assertEquals(0, replay(cut).status(), "what a chain cannot catch");
        EvaluateCommandTest.Run withLedger = replay(cut, "--ledger", ledger);
        assertEquals(ExitCodes.UNTRUSTED_LOG, withLedger.status());
        reports(withLedger, "LEDGER " + caseId(firstDecision(GRANTS)) + ": the ledger's grant is anchored at seq "
                + firstDecision(GRANTS) + ", but the log ends at seq " + cut.size() + ": lines were cut off its end");
    }

    @Test
    void aKeyedChainNeedsItsKey() throws Exception {
        Path keyed = dir.resolve("keyed.jsonl");
        Path cases = dir.resolve("cases.jsonl");
        EvaluateCommandTest.Run evaluated = EvaluateCommandTest.run(null, "evaluate", "--audit-log", keyed.toString(),
                "--audit-key", "s3cret", cases.toString());
        assertEquals(0, evaluated.status(), evaluated.err());
        List<String> lines = Files.readAllLines(keyed);
        assertEquals(0, replay(lines, "--audit-key", "s3cret").status());
        EvaluateCommandTest.Run noKey = replay(lines);
        assertEquals(ExitCodes.UNTRUSTED_LOG, noKey.status());
        reports(noKey, "CHAIN: the chain is keyed (hmac-sha256): give its key (FOREBYGG_AUDIT_KEY) to check it");
        reports(replay(lines, "--audit-key", "guess"), "CHAIN: the key given is not the one this log was written with");

        int k = firstDecision(lines, 3);
        lines.set(k - 1, rewritten(lines.get(k - 1)));
        EvaluateCommandTest.Run forged = replay(rechain(lines), "--audit-key", "s3cret");
        assertEquals(ExitCodes.UNTRUSTED_LOG, forged.status(), "without the key the chain cannot be recomputed");
        reports(forged, "CHAIN line 2: it is not chained to line 1");

        EvaluateCommandTest.Run unkeyedAppend = EvaluateCommandTest.run(null, "evaluate", "--audit-log", keyed.toString(),
                cases.toString());
        assertEquals(ExitCodes.USAGE, unkeyedAppend.status());
        assertTrue(unkeyedAppend.err().contains("is keyed (hmac-sha256): give its key"), unkeyedAppend.err());
        EvaluateCommandTest.Run keyedAppend = EvaluateCommandTest.run(null, "evaluate", "--audit-log", log.toString(),
                "--audit-key", "s3cret", cases.toString());
        assertEquals(ExitCodes.USAGE, keyedAppend.status());
        assertTrue(keyedAppend.err().contains("is not keyed, and a key was given"), keyedAppend.err());
    }

    @Test
    void aLogOfFormatOneStillReplaysButIsNotAppendedTo() throws Exception {
        List<String> old = new ArrayList<>();
        for (String line : written.subList(1, written.size())) {
            old.add(line.replaceFirst("^\\{\"seq\":\\d+,\"prev\":\"[^\"]*\",\"run\":\"[^\"]*\",(\"pending\":\\[[0-9,]*],)?", "{"));
        }
        EvaluateCommandTest.Run replay = replay(old);
        assertEquals(0, replay.status(), replay.lines().toString());
        reports(replay, "NOTE unchained (format 1): edits cannot be detected");
        assertEquals(0, replay(old, "--ledger", ledger).status());

        Path file = dir.resolve("tampered.jsonl");
        EvaluateCommandTest.Run append = EvaluateCommandTest.run(null, "evaluate", "--audit-log", file.toString(),
                dir.resolve("cases.jsonl").toString());
        assertEquals(ExitCodes.USAGE, append.status());
        assertTrue(append.err().contains("was written without a hash chain (audit log format 1)"), append.err());
    }

    /** Line number (1-based) of the {@code nth} first decision on a grant in the log as written. */
    private int firstDecision(int nth) {
        return firstDecision(written, nth);
    }

    private static int firstDecision(List<String> lines, int nth) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"priorGrants\"") && ++seen == nth) {
                return i + 1;
            }
        }
        throw new AssertionError("no grant line " + nth);
    }

    /** Line number of the second run's line on {@code caseId}, given back from the ledger. */
    private int givenBack(String caseId) {
        for (int i = 0; i < written.size(); i++) {
            if (written.get(i).contains("\"caseId\":\"" + caseId + "\"") && written.get(i).contains("\"recordedEarlier\":true")) {
                return i + 1;
            }
        }
        throw new AssertionError("no line given back on " + caseId);
    }

    private String caseId(int line) {
        try {
            return JSON.readTree(written.get(line - 1)).get("caseId").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The grant line with another amount paid, and its input hash and decision made to match it. */
    private static String rewritten(String text) throws Exception {
        ObjectNode line = (ObjectNode) JSON.readTree(text);
        ((ObjectNode) line.get("case").get("measures").get(0)).put("amountPaid", new BigDecimal("1234.00"));
        GrantCase g = JSON.treeToValue(line.get("case"), GrantCase.class);
        line.put("inputHash", ForebyggJson.inputHash(g));
        JsonNode prior = line.get("priorGrants");
        GrantCase asDecided = new GrantCase(g.caseId(), g.employerId(), g.employeeId(), g.employeeCondition(), g.provider(),
                g.measures(), g.submittedOn(), new AlreadyGranted(prior.get("employee").decimalValue(),
                prior.get("employer").decimalValue()));
        line.set("decision", JSON.valueToTree(ENGINE.evaluate(asDecided)));
        return JSON.writeValueAsString(line);
    }

    private EvaluateCommandTest.Run replay(List<String> lines, String... options) {
        try {
            Path file = dir.resolve("tampered.jsonl");
            Files.write(file, lines);
            List<String> args = new ArrayList<>(List.of("replay", file.toString()));
            args.addAll(List.of(options));
            return EvaluateCommandTest.run(null, args.toArray(String[]::new));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void reports(EvaluateCommandTest.Run replay, String start) {
        assertTrue(replay.lines().stream().anyMatch(l -> l.startsWith(start)),
                "expected a line starting " + start + " in\n" + String.join("\n", replay.lines()));
    }
}
