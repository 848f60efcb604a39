package se.forebygg.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import se.forebygg.engine.Case;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.AuditAnchor;
import se.forebygg.grant.RecordedGrant;
import se.forebygg.json.ForebyggJson;
import se.forebygg.parameters.Period;

/**
 * Checks an audit log ({@link AuditLog}) line by line and reports, one line of text each, what does
 * not check out:
 * <ul>
 * <li>{@code UNREADABLE line N}: not JSON, or not an audit line; the rest is still checked;</li>
 * <li>{@code CHAIN line N}: the first line of each break of the hash chain (a line changed, deleted,
 * repeated, inserted or moved); with a keyed chain, also a missing or wrong key;</li>
 * <li>{@code MISMATCH line N}: the case decided again gives another decision, input hash or
 * parameter value, named field by field ({@link DecisionDiff}: outcome, amount, codes, findings,
 * calculation; the findings' wording, {@code rulesFired} and {@code rulesVersion} are not compared);</li>
 * <li>then {@code CHANGES} and {@code NOTE} lines: what the differences add up to (outcomes, amounts,
 * codes, parameters) and what was not compared, so that replaying with other rules or parameters
 * ({@code --rules}, {@code --parameters}) says what changed and why;</li>
 * <li>{@code UNVERIFIED line N}: a {@code recordedEarlier} line that no earlier line of the log (nor,
 * given one, the ledger) bears out;</li>
 * <li>with a ledger, {@code LEDGER}: a grant line that is not the line the ledger anchored for it, a
 * grant its run went past as committed that the ledger does not hold, a grant of the ledger anchored
 * in this log whose line is missing or changed; the same for withdrawals (a withdrawal line the ledger
 * did not anchor a withdrawal at, a withdrawal of the ledger anchored here without its line);</li>
 * <li>{@code UNCOMMITTED line N}, a note: a grant (or a withdrawal) logged ahead of a commit that never
 * happened (a crash or a failed commit in between), with whether a later line decided the case again.</li>
 * </ul>
 *
 * <p>What the unkeyed chain cannot catch: anyone who can write the file can rewrite a line and
 * recompute every {@code prev} after it, or cut lines off the end. Replay against the ledger still
 * finds a changed or missing grant line (the ledger keeps each grant line's hash), not a changed or
 * cut non-grant line. A keyed chain (HMAC-SHA256) cannot be recomputed without the key; lines cut off
 * the end still show only against the ledger.
 */
public final class AuditReplay {
    private final Forebygg engine;
    private final GrantLedger ledger;
    private final String key;
    private final Consumer<String> report;
    private final ObjectMapper json = AuditLog.mapper();

    private long lines;
    private long replayed;
    private long mismatches;
    private long unreadable;
    private long chainBreaks;
    private long unverifiedClaims;
    private long ledgerDisagreements;
    private long givenBack;
    private long uncommitted;
    private long withdrawals;
    private final DecisionDiff.Changes changes = new DecisionDiff.Changes();
    private int format;
    private boolean chainChecked = true;
    private String logId;
    private Chain chain = Chain.of(null);

    private String previousLink;
    private Long previousSeq;
    private boolean previousBroken;

    private final Map<String, List<Seen>> byCaseId = new HashMap<>();
    private final Map<String, Set<Long>> openByRun = new HashMap<>();
    /** By seq, as the ledger's anchors, the runs' {@code pending} and {@code notCommitted} name lines. */
    private final Map<Long, GrantLine> grantLines = new TreeMap<>();
    private long lastSeq;

    /** What a replay found: the counts of its summary. */
    public record Summary(long lines, long replayed, long mismatches, long unreadable, long chainBreaks,
                          boolean chainChecked, long unverifiedClaims, long ledgerDisagreements, long givenBack,
                          long uncommitted, int format, long withdrawals) {

        /** True when nothing says the log was changed or lies (mismatches aside, and format 1 cannot say). */
        public boolean checksOut() {
            return unreadable == 0 && chainBreaks == 0 && chainChecked && unverifiedClaims == 0 && ledgerDisagreements == 0;
        }

        @Override
        public String toString() {
            return lines + " lines read, " + replayed + " replayed: " + mismatches + " mismatches, " + unreadable
                    + " unreadable, " + chainBreaks + " chain breaks" + (chainChecked ? "" : " (chain not checked)") + ", "
                    + unverifiedClaims + " unverified claims, " + ledgerDisagreements + " ledger disagreements; "
                    + givenBack + " given back from the ledger, " + uncommitted + " logged but never committed"
                    + (withdrawals == 0 ? "" : "; " + withdrawals + " withdrawal" + (withdrawals == 1 ? "" : "s"));
        }
    }

    /** A decision line's caseId, input hash and decision, digested: what a recordedEarlier claim must match. */
    private record Seen(long line, String digest) {
    }

    private enum Status { PENDING, COMMITTED, FAILED }

    /** A first decision on a grant, or a withdrawal: what the ledger must hold, anchored at its seq. */
    private static final class GrantLine {
        final long line;
        final String caseId;
        final String hash;
        final String inputHash;
        final String decision;
        /** A withdrawal's line: what the ledger must hold as withdrawn, its withdrawal anchored at its seq. */
        final boolean withdrawal;
        long seq;
        Status status = Status.PENDING;
        String reason;

        GrantLine(long line, String caseId, String hash, String inputHash, String decision, boolean withdrawal) {
            this.line = line;
            this.caseId = caseId;
            this.hash = hash;
            this.inputHash = inputHash;
            this.decision = decision;
            this.withdrawal = withdrawal;
        }
    }

    private AuditReplay(Forebygg engine, GrantLedger ledger, String key, Consumer<String> report) {
        this.engine = engine;
        this.ledger = ledger;
        this.key = key;
        this.report = report;
    }

    /**
     * Checks {@code log}: decides every case again with {@code engine}, checks the chain ({@code key}
     * for a keyed one, else null) and the {@code recordedEarlier} claims, and with a {@code ledger}
     * (null for none) matches the grants with it. Each finding goes to {@code report}.
     */
    public static Summary check(Path log, Forebygg engine, GrantLedger ledger, String key, Consumer<String> report)
            throws IOException {
        AuditReplay replay = new AuditReplay(engine, ledger, key, report);
        try (InputStream in = Files.newInputStream(log)) {
            replay.read(in);
        }
        if (replay.format == 1) {
            report.accept("NOTE unchained (format 1): edits cannot be detected");
        }
        if (ledger != null) {
            replay.matchLedger();
        }
        replay.changes.lines().forEach(report);
        return new Summary(replay.lines, replay.replayed, replay.mismatches, replay.unreadable, replay.chainBreaks,
                replay.chainChecked, replay.unverifiedClaims, replay.ledgerDisagreements, replay.givenBack,
                replay.uncommitted, replay.format, replay.withdrawals);
    }

    private void read(InputStream in) throws IOException {
        byte[] block = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int n;
        while ((n = in.read(block)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (block[i] == '\n') {
                    line.write(block, start, i - start);
                    line(++lines, line.toByteArray());
                    line.reset();
                    start = i + 1;
                }
            }
            line.write(block, start, n - start);
        }
        if (line.size() > 0) {
            lines++;
            report.accept("NOTE line " + lines + ": cut short (no end of line), a write that a crash interrupted; not checked");
        }
    }

    private void line(long n, byte[] bytes) throws IOException {
        String link = chain.link(bytes);
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            unreadable("line " + n + ": not JSON: " + e.getOriginalMessage(), link);
            return;
        } catch (IOException e) {
            unreadable("line " + n + ": not JSON: " + e.getMessage(), link);
            return;
        }
        if (node == null || !node.isObject()) {
            unreadable("line " + n + ": " + (node == null ? "empty" : "not a JSON object"), link);
            return;
        }
        if (format == 0) {
            if (node.has(AuditFile.LOG_ID)) {
                header(n, node);
                previousLink = chain.link(bytes);
                previousSeq = 1L;
                return;
            }
            format = node.has(AuditFile.SEQ) ? 2 : 1;
            if (format == 2) {
                chainBreaks++;
                report.accept("CHAIN line " + n + ": the log's header is missing or unreadable: its first lines were"
                        + " deleted or changed");
                previousBroken = true;
            }
        } else if (format == 2) {
            chainLink(n, node);
        }
        Long seq = node.path(AuditFile.SEQ).canConvertToLong() ? node.get(AuditFile.SEQ).asLong() : null;
        previousLink = link;
        previousSeq = seq;
        lastSeq = Math.max(lastSeq, seq == null ? 0 : seq);
        if (format == 2 && ledger != null) {
            settle(node);
        }
        if (node.has(AuditLog.CASE)) {
            decision(n, seq, node, bytes);
        } else if (node.has(AuditLog.WITHDRAWAL) && format == 2) {
            withdrawal(n, seq, node, bytes);
        } else if (!node.has(AuditLog.NOT_COMMITTED) || format == 1) {
            unreadable++;
            report.accept("UNREADABLE line " + n + ": not an audit line");
        }
    }

    private void unreadable(String what, String link) {
        unreadable++;
        report.accept("UNREADABLE " + what);
        previousLink = link;
        previousSeq = null;
    }

    private void header(long n, JsonNode header) {
        format = 2;
        logId = header.get(AuditFile.LOG_ID).asText();
        if (n != 1) {
            chainBreaks++;
            report.accept("CHAIN line " + n + ": the header is not the first line");
        }
        if (header.path(AuditFile.FORMAT_FIELD).asInt() != AuditFile.FORMAT) {
            report.accept("NOTE line " + n + ": audit log format " + header.path(AuditFile.FORMAT_FIELD)
                    + " is not known here, checked as format " + AuditFile.FORMAT);
        }
        if (Chain.HMAC_SHA_256.equals(header.path(AuditFile.CHAIN).asText())) {
            Chain keyed = Chain.of(key);
            if (!keyed.keyed()) {
                chainChecked = false;
                report.accept("CHAIN: the chain is keyed (" + Chain.HMAC_SHA_256 + "): give its key ("
                        + AuditLog.KEY_VARIABLE + ") to check it");
            } else if (!keyed.keyCheck(logId).equals(header.path(AuditFile.KEY_CHECK).asText())) {
                chainChecked = false;
                report.accept("CHAIN: the key given is not the one this log was written with: the chain is not checked");
            } else {
                chain = keyed;
            }
        }
    }

    /** Checks that line {@code n} follows the line before it; reports the first line of each break. */
    private void chainLink(long n, JsonNode node) {
        List<String> wrong = new ArrayList<>();
        if (node.has(AuditFile.LOG_ID)) {
            wrong.add("a second header: another log's lines were put here");
        } else if (!node.path(AuditFile.SEQ).canConvertToLong()) {
            wrong.add("it has no seq");
        } else if (previousSeq != null) { // after an unreadable line, only prev tells
            long expected = previousSeq + 1;
            long seq = node.get(AuditFile.SEQ).asLong();
            if (seq > expected) {
                wrong.add("seq jumps from " + (expected - 1) + " to " + seq + ": " + (seq - expected)
                        + " line(s) before it deleted or moved");
            } else if (seq < expected) {
                wrong.add("seq " + seq + " after " + (expected - 1) + ": a line repeated or moved here");
            }
        }
        if (chainChecked && !node.path(AuditFile.PREV).asText().equals(previousLink)) {
            wrong.add("it is not chained to line " + (n - 1) + (previousSeq == null ? ", which is not a line of the chain"
                    : ": line " + (n - 1) + " was changed, or lines were deleted, inserted or moved here"));
        }
        boolean broken = !wrong.isEmpty();
        if (broken && !previousBroken) {
            chainBreaks++;
            report.accept("CHAIN line " + n + ": " + String.join("; ", wrong));
        }
        previousBroken = broken;
    }

    /**
     * Follows each run's grant lines: one its run went past without listing it as {@code pending} is
     * one the log says was committed; a {@code notCommitted} line says the opposite.
     */
    private void settle(JsonNode node) {
        String run = node.path(AuditLog.RUN).asText(null);
        if (run == null) {
            return;
        }
        Set<Long> open = openByRun.computeIfAbsent(run, r -> new HashSet<>());
        if (node.path(AuditLog.NOT_COMMITTED).canConvertToLong()) {
            long failed = node.get(AuditLog.NOT_COMMITTED).asLong();
            GrantLine g = grantLines.get(failed);
            if (open.remove(failed) && g != null) {
                g.status = Status.FAILED;
                g.reason = node.path(AuditLog.REASON).asText();
            }
        }
        Set<Long> pending = new HashSet<>();
        node.path(AuditLog.PENDING).forEach(p -> pending.add(p.asLong()));
        for (Iterator<Long> it = open.iterator(); it.hasNext(); ) {
            long line = it.next();
            if (!pending.contains(line)) {
                it.remove();
                GrantLine g = grantLines.get(line);
                if (g != null) {
                    g.status = Status.COMMITTED;
                }
            }
        }
    }

    private void decision(long n, Long seq, JsonNode node, byte[] bytes) throws JsonProcessingException {
        String caseId = node.path(AuditLog.CASE_ID).asText();
        String where = "line " + n + " (" + caseId + ")";
        Case aCase;
        try {
            aCase = json.treeToValue(node.get(AuditLog.CASE), Case.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            unreadable++;
            report.accept("UNREADABLE " + where + ": its case cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        String inputHash = node.path(AuditLog.INPUT_HASH).asText();
        String decision = json.writeValueAsString(node.get(AuditLog.DECISION));
        String digest = Chain.sha256((inputHash + "\n" + decision).getBytes(StandardCharsets.UTF_8));
        if (node.path(AuditLog.RECORDED_EARLIER).asBoolean(false)) {
            givenBack++;
            claim(n, seq == null ? n : seq, where, caseId, inputHash, decision, digest);
            return;
        }
        String mismatch = compare(node, aCase);
        replayed++;
        if (mismatch != null) {
            mismatches++;
            report.accept("MISMATCH " + where + ": " + mismatch);
        }
        if (!engine.sharesLedger(aCase)) {
            return;
        }
        byCaseId.computeIfAbsent(caseId, c -> new ArrayList<>()).add(new Seen(n, digest));
        if (ledger == null) {
            return;
        }
        if (format == 2 && seq != null) {
            follow(seq, new GrantLine(n, caseId, Chain.sha256(bytes), inputHash, decision, false), node);
        } else if (format == 1 && !inLedger(caseId, inputHash, decision)) {
            disagree("LEDGER " + where + ": the ledger holds no such decision on " + caseId + ": " + ledgerSays(caseId));
        }
    }

    /** A grant line or a withdrawal line at {@code seq}, to be found in the ledger unless its run says it failed. */
    private void follow(long seq, GrantLine g, JsonNode node) {
        g.seq = seq;
        grantLines.put(seq, g);
        String run = node.path(AuditLog.RUN).asText(null);
        if (run != null) {
            openByRun.computeIfAbsent(run, r -> new HashSet<>()).add(seq);
        } else {
            g.status = Status.COMMITTED;
        }
    }

    /** A withdrawal (written ahead, like a grant): with a ledger, it must hold the decision withdrawn at this line. */
    private void withdrawal(long n, Long seq, JsonNode node, byte[] bytes) throws JsonProcessingException {
        withdrawals++;
        if (ledger == null || seq == null) {
            return;
        }
        String caseId = node.path(AuditLog.CASE_ID).asText();
        follow(seq, new GrantLine(n, caseId, Chain.sha256(bytes), node.path(AuditLog.INPUT_HASH).asText(),
                json.writeValueAsString(node.get(AuditLog.DECISION)), true), node);
    }

    /**
     * A line given back from the ledger (line {@code n}, {@code seq} as written) must repeat an earlier
     * line of this log, or the ledger's record logged before it.
     */
    private void claim(long n, long seq, String where, String caseId, String inputHash, String decision, String digest)
            throws JsonProcessingException {
        List<Seen> earlier = byCaseId.computeIfAbsent(caseId, c -> new ArrayList<>());
        boolean verified = earlier.stream().anyMatch(s -> s.digest().equals(digest));
        String why = "no earlier line of this log decided it so"
                + (ledger == null ? " (replay with --ledger to check it against the ledger)" : "");
        if (!verified && ledger != null) {
            for (RecordedGrant r : ledger.history(caseId)) {
                if (r.inputHash().equals(inputHash) && json.writeValueAsString(r.decision()).equals(decision)) {
                    if (r.anchor() != null && r.anchor().auditLogId().equals(logId) && r.anchor().line() >= seq) {
                        why = "the ledger's decision was logged at line " + r.anchor().line() + " of this log, not before";
                    } else {
                        verified = true;
                    }
                }
            }
            if (!verified && why.startsWith("no earlier")) {
                why += ", and the ledger holds no such decision: " + ledgerSays(caseId);
            }
        }
        if (verified) {
            earlier.add(new Seen(n, digest));
        } else {
            unverifiedClaims++;
            report.accept("UNVERIFIED " + where + ": claims recordedEarlier, but " + why);
        }
    }

    /**
     * What differs when {@code aCase} is decided again: its input hash, or field by field the decision
     * ({@link DecisionDiff}: outcome, amount, codes, findings, calculation) and the parameter values it read;
     * null when nothing that decides differs (wording, rulesFired and rulesVersion are only noted).
     */
    private String compare(JsonNode line, Case aCase) throws JsonProcessingException {
        String hash = ForebyggJson.inputHash(aCase);
        if (!ForebyggJson.isInputHashOf(line.path(AuditLog.INPUT_HASH).asText(), aCase)) {
            return "input hash " + hash + ", logged " + line.path(AuditLog.INPUT_HASH).asText();
        }
        try {
            // Compared as written: a number read back from the log may be held in another node type.
            List<Object> records = engine.parametersFor(aCase);
            String parameters = json.writeValueAsString(records);
            String loggedParameters = json.writeValueAsString(line.get(AuditLog.PARAMETERS));
            List<String> parameterChanges = List.of();
            if (!parameters.equals(loggedParameters) && !sameByName(records, line.get(AuditLog.PARAMETERS))) {
                parameterChanges = DecisionDiff.parameterChanges(json.valueToTree(records), line.get(AuditLog.PARAMETERS));
                if (parameterChanges.isEmpty()) {
                    parameterChanges = List.of(parameters + ", logged " + loggedParameters);
                }
            }
            Case asDecided = aCase;
            JsonNode prior = line.get(AuditLog.PRIOR_GRANTS);
            if (prior != null && engine.sharesLedger(aCase)) {
                asDecided = asLogged(line.get(AuditLog.CASE), prior);
            }
            JsonNode now = json.readTree(json.writeValueAsString(engine.decideAll(List.of(Input.of(asDecided))).get(0).orThrow()));
            DecisionDiff diff = DecisionDiff.of(now, line.path(AuditLog.DECISION));
            changes.add(diff, parameterChanges);
            if (!diff.decides() && parameterChanges.isEmpty()) {
                return null;
            }
            return (diff.decides() ? diff.describe() : "decided alike")
                    + (parameterChanges.isEmpty() ? "" : "; parameters now differ: " + String.join(", ", parameterChanges));
        } catch (RuntimeException e) {
            return "cannot be decided now: " + e.getMessage();
        }
    }

    /**
     * A grant's case as it was decided, without the ledger: what the ledger held before it ({@code priorGrants},
     * its own {@code alreadyGranted} included) is what it declares as already granted.
     */
    private Case asLogged(JsonNode loggedCase, JsonNode prior) {
        ObjectNode asDecided = loggedCase.deepCopy();
        ObjectNode already = asDecided.putObject("alreadyGranted");
        already.set("employee", prior.get("employee"));
        already.set("employer", prior.get("employer"));
        try {
            return json.treeToValue(asDecided, Case.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /**
     * True when {@code logged} was written before each benefit had its own parameter record (one object of
     * every law number per period, periods cut wherever any benefit's number changed) and holds, by name,
     * the values that {@code records} hold now: the record in force on each logged period's first day
     * agrees with it on every number the record has, and those records are the ones the case reads now.
     * A log written since is compared as written, never by this.
     */
    private boolean sameByName(List<Object> records, JsonNode logged) throws JsonProcessingException {
        if (records.isEmpty() || logged == null || !logged.isArray() || logged.isEmpty()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Class<? extends Period> type = (Class<? extends Period>) records.get(0).getClass();
        Set<String> names = new HashSet<>();
        json.valueToTree(records.get(0)).fieldNames().forEachRemaining(names::add);
        Set<Object> matched = new HashSet<>();
        for (JsonNode old : logged) {
            Set<String> oldNames = new HashSet<>();
            old.fieldNames().forEachRemaining(oldNames::add);
            if (!oldNames.containsAll(names) || oldNames.equals(names) || !old.path("from").isTextual()) {
                return false;
            }
            Object now;
            try {
                now = engine.parameters().on(type, LocalDate.parse(old.get("from").asText()));
            } catch (RuntimeException e) {
                return false;
            }
            JsonNode nowNode = json.valueToTree(now);
            for (String name : names) {
                if (!name.equals("from") && !name.equals("until")
                        && !json.writeValueAsString(nowNode.get(name)).equals(json.writeValueAsString(old.get(name)))) {
                    return false;
                }
            }
            matched.add(now);
        }
        return matched.equals(new HashSet<>(records));
    }

    /**
     * Every grant of the ledger anchored in this log must have its line, unchanged; every first
     * decision on a grant must be anchored, unless its commit never happened.
     */
    private void matchLedger() throws JsonProcessingException {
        if (format != 2 || logId == null) {
            return;
        }
        GrantLine changedFrom = null;
        long alsoChanged = 0;
        try (Stream<RecordedGrant> anchored = ledger.anchoredIn(logId)) {
            for (Iterator<RecordedGrant> it = anchored.iterator(); it.hasNext(); ) {
                RecordedGrant r = it.next();
                matchWithdrawal(r);
                long at = r.anchor().line();
                GrantLine g = grantLines.remove(at);
                boolean changed = g != null && g.caseId.equals(r.caseId()) && !g.hash.equals(r.anchor().lineHash());
                if (changed) {
                    // Later lines chain to a changed line: report the first of a run of them.
                    if (changedFrom == null) {
                        changedFrom = g;
                    } else {
                        alsoChanged++;
                    }
                    continue;
                }
                if (changedFrom != null) {
                    changedLines(changedFrom, alsoChanged);
                    changedFrom = null;
                    alsoChanged = 0;
                }
                if (at > lastSeq) {
                    disagree("LEDGER " + r.caseId() + ": the ledger's grant is anchored at seq " + at
                            + ", but the log ends at seq " + lastSeq + ": lines were cut off its end");
                } else if (g == null) {
                    disagree("LEDGER " + r.caseId() + ": the ledger's grant is anchored at seq " + at
                            + ", but the log has no first decision on " + r.caseId() + " with that seq");
                } else if (!g.caseId.equals(r.caseId())) {
                    disagree("LEDGER line " + g.line + " (" + g.caseId + "): the ledger anchored its grant of "
                            + r.caseId() + " at this line");
                } else if (!g.inputHash.equals(r.inputHash()) || !g.decision.equals(json.writeValueAsString(r.decision()))) {
                    disagree("LEDGER line " + g.line + " (" + g.caseId + "): the ledger holds another "
                            + (g.inputHash.equals(r.inputHash()) ? "decision" : "application") + " than this line");
                }
            }
        }
        if (changedFrom != null) {
            changedLines(changedFrom, alsoChanged);
        }
        // Withdrawals of decisions not logged in this log: found by their caseId.
        for (GrantLine w : List.copyOf(grantLines.values())) {
            if (w.withdrawal) {
                for (RecordedGrant r : ledger.history(w.caseId)) {
                    if (r.withdrawn() && r.withdrawal().anchor() != null && r.withdrawal().anchor().line() == w.seq) {
                        matchWithdrawal(r);
                    }
                }
            }
        }
        for (GrantLine g : grantLines.values()) {
            String where = "line " + g.line + " (" + g.caseId + ")";
            if (g.withdrawal) {
                if (g.status == Status.COMMITTED) {
                    disagree("LEDGER " + where + ": its run went on past the withdrawal, but the ledger holds no"
                            + " withdrawal anchored at this line: " + ledgerSays(g.caseId));
                } else {
                    report.accept("UNCOMMITTED " + where + ": a withdrawal logged, never done in the ledger ("
                            + (g.status == Status.FAILED ? g.reason : "its run stopped before the withdrawal ended") + ")");
                }
                continue;
            }
            if (g.status == Status.COMMITTED) {
                disagree("LEDGER " + where + ": its run went on past its commit, but the ledger holds no grant"
                        + " anchored at this line: " + ledgerSays(g.caseId));
                continue;
            }
            uncommitted++;
            String again = byCaseId.getOrDefault(g.caseId, List.of()).stream().filter(s -> s.line() > g.line)
                    .map(s -> "decided again at line " + s.line()).findFirst().orElse("not decided again in this log");
            report.accept("UNCOMMITTED " + where + ": logged, never committed to the ledger ("
                    + (g.status == Status.FAILED ? "its commit failed: " + g.reason : "its run stopped before the commit ended")
                    + "); " + again);
        }
    }

    /** A withdrawal of the ledger anchored in this log must have its withdrawal line there, unchanged. */
    private void matchWithdrawal(RecordedGrant r) throws JsonProcessingException {
        AuditAnchor anchor = r.withdrawn() ? r.withdrawal().anchor() : null;
        if (anchor == null || !anchor.auditLogId().equals(logId)) {
            return;
        }
        GrantLine w = grantLines.get(anchor.line());
        if (w == null || !w.withdrawal || !w.caseId.equals(r.caseId())) {
            disagree("LEDGER " + r.caseId() + ": the ledger's withdrawal is anchored at seq " + anchor.line()
                    + (anchor.line() > lastSeq ? ", but the log ends at seq " + lastSeq + ": lines were cut off its end"
                    : ", but the log has no withdrawal of " + r.caseId() + " with that seq"));
            return;
        }
        grantLines.remove(anchor.line());
        if (!w.hash.equals(anchor.lineHash())) {
            disagree("LEDGER line " + w.line + " (" + w.caseId + "): not the withdrawal line the ledger anchored: this line"
                    + " or one before it was changed after the withdrawal");
        } else if (!w.inputHash.equals(r.inputHash()) || !w.decision.equals(json.writeValueAsString(r.decision()))) {
            disagree("LEDGER line " + w.line + " (" + w.caseId + "): the ledger withdrew another decision than this line");
        }
    }

    private void changedLines(GrantLine first, long alsoChanged) {
        disagree("LEDGER line " + first.line + " (" + first.caseId + "): not the line the ledger anchored: this line or one"
                + " before it was changed after the grant was committed"
                + (alsoChanged == 0 ? "" : " (and " + alsoChanged + " later grant lines, which chain to it)"));
    }

    private boolean inLedger(String caseId, String inputHash, String decision) throws JsonProcessingException {
        for (RecordedGrant r : ledger.history(caseId)) {
            if (r.inputHash().equals(inputHash) && json.writeValueAsString(r.decision()).equals(decision)) {
                return true;
            }
        }
        return false;
    }

    /** What the ledger holds for {@code caseId}, in words. */
    private String ledgerSays(String caseId) {
        List<RecordedGrant> history = ledger.history(caseId);
        if (history.isEmpty()) {
            return "the ledger has no decision on " + caseId;
        }
        RecordedGrant last = history.get(history.size() - 1);
        String where = last.anchor() == null ? "recorded without an audit line"
                : last.anchor().auditLogId().equals(logId) ? "anchored at line " + last.anchor().line()
                : "anchored in audit log " + last.anchor().auditLogId();
        return "its " + (last.withdrawn() ? "withdrawn " : "") + "decision is " + where;
    }

    private void disagree(String what) {
        ledgerDisagreements++;
        report.accept(what);
    }
}
