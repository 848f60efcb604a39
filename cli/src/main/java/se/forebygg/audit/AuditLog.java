package se.forebygg.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.grant.AuditAnchor;
import se.forebygg.grant.ForwardingGrantLedger;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.RecordedGrant;
import se.forebygg.grant.Withdrawal;
import se.forebygg.json.ForebyggJson;

/**
 * The append-only decision log of {@code evaluate --audit-log FILE}: one JSON line per decision with
 * the case, its input hash, the decision, the rules version and the parameter values it read, and for
 * a grant what the ledger held before it ({@code priorGrants}), so that {@code forebygg replay} can
 * decide it again without the ledger and compare. The lines form a hash chain ({@link AuditFile}).
 *
 * <p><b>Write-ahead.</b> A grant is logged inside its reservation, before the ledger commits it: its
 * line is on disk first, then the ledger records the decision with the line's {@link AuditAnchor}. A
 * crash in between leaves a line for a grant never committed (replay with the ledger says so), never
 * a committed grant without its line; a line that cannot be written (a full disk) fails the commit, so
 * nothing is granted. Each line names its {@code run} (this log object) and the run's earlier grant
 * lines whose commit had not ended when it was written ({@code pending}): a grant line its run went
 * past is one the log says was committed. A commit that fails after its line adds a line
 * {@code notCommitted}. Other decisions are logged after they are taken, forced to disk with the
 * next grant line or on closing.
 *
 * <p><b>Withdrawals</b> through {@link #ledger()} are written ahead too: a line with the withdrawn
 * decision and {@code withdrawal} (when, why) is on disk before the ledger withdraws the grant and
 * keeps the line's anchor with it; if the ledger then withdraws nothing, a {@code notCommitted} line
 * says so.
 */
public final class AuditLog implements AutoCloseable {
    /** The environment variable holding the key of a keyed chain. */
    public static final String KEY_VARIABLE = "FOREBYGG_AUDIT_KEY";

    static final String CASE_ID = "caseId";
    static final String CASE = "case";
    static final String INPUT_HASH = "inputHash";
    static final String DECISION = "decision";
    static final String RULES_VERSION = "rulesVersion";
    static final String PARAMETERS = "parameters";
    static final String PRIOR_GRANTS = "priorGrants";
    static final String RECORDED_EARLIER = "recordedEarlier";
    static final String RUN = "run";
    static final String PENDING = "pending";
    static final String NOT_COMMITTED = "notCommitted";
    static final String REASON = "reason";
    static final String WITHDRAWAL = "withdrawal";
    static final String AT = "at";

    private final AuditFile file;
    private final ObjectMapper json;
    private final Forebygg engine;
    private final GrantLedger watch;
    private final String run = UUID.randomUUID().toString();
    private final Set<Long> pending = new TreeSet<>();

    private AuditLog(AuditFile file, ObjectMapper json, Forebygg engine, GrantLedger ledger) {
        this.file = file;
        this.json = json;
        this.engine = engine;
        this.watch = new Watch(ledger);
    }

    /** The mapper the audit log writes with: {@link ForebyggJson#newMapper()}, with java.time values as ISO text. */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = ForebyggJson.newMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return mapper;
    }

    /**
     * Appends to {@code file} (created with a new log id if missing), its chain keyed by {@code key}
     * (null for none; a log keeps the chain it was created with). Decide through {@link #ledger()} so
     * that grants are logged ahead of their commit. Throws {@link AuditLogException} when the file is
     * not an audit log of this format or was created with another key.
     */
    public static AuditLog append(Path file, Forebygg engine, GrantLedger ledger, String key) throws IOException {
        ObjectMapper json = mapper();
        return new AuditLog(AuditFile.open(file, Chain.of(key), json), json, engine, ledger);
    }

    /** The log's id, as the ledger's anchors name it. */
    public String id() {
        return file.logId();
    }

    /**
     * The ledger to decide and withdraw with: the given one, each grant logged in its reservation before it
     * is committed, each withdrawal logged before the ledger withdraws.
     */
    public GrantLedger ledger() {
        return watch;
    }

    /**
     * Decides {@code inputs} as {@link Forebygg#decideAll(List, GrantLedger)} does through {@link #ledger()},
     * and logs every decision: a case that shares the ledger (a grant) in its reservation, before its commit;
     * every other after the batch, in input order.
     */
    public List<Result> decideAll(List<? extends Input> inputs) throws IOException {
        List<Result> results = engine.decideAll(inputs, ledger());
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof Result.Decided decided && inputs.get(i) instanceof Input.Read read) {
                record(read.aCase(), decided.decision());
            }
        }
        return results;
    }

    /** Logs a decision other than a grant's (a case decided through {@link #ledger()} that shares it is logged already). */
    public void record(Case aCase, Decision decision) throws IOException {
        if (!engine.sharesLedger(aCase)) {
            write(line(aCase, decision, null, null), false, false);
        }
    }

    /**
     * Says in the log that what line {@code seq} logged ahead (a grant, a withdrawal) was not committed; if
     * even that fails, the line stays pending (and the failure, if any, carries the reason why).
     */
    private void notCommitted(String caseId, long seq, String reason, RuntimeException failure) {
        ObjectNode line = json.createObjectNode();
        line.put(CASE_ID, caseId);
        line.put(NOT_COMMITTED, seq);
        line.put(REASON, String.valueOf(reason));
        try {
            write(line, true, false);
            settle(seq);
        } catch (IOException | RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** A decision's line; a grant's adds {@code field} ({@link #PRIOR_GRANTS} or {@link #RECORDED_EARLIER}). */
    private ObjectNode line(Case aCase, Decision decision, String field, JsonNode value) {
        ObjectNode line = json.createObjectNode();
        line.put(CASE_ID, aCase.caseId());
        line.put(INPUT_HASH, ForebyggJson.inputHash(aCase));
        line.set(CASE, json.valueToTree(aCase));
        if (field != null) {
            line.set(field, value);
        }
        line.set(DECISION, json.valueToTree(decision));
        line.put(RULES_VERSION, decision.rulesVersion());
        line.set(PARAMETERS, json.valueToTree(engine.parametersFor(aCase)));
        return line;
    }

    /** Writes {@code line}; with {@code pendingCommit}, its run counts it as pending until {@link #settle}. */
    private synchronized AuditFile.Written write(ObjectNode line, boolean force, boolean pendingCommit)
            throws IOException {
        String fields = ",\"" + RUN + "\":\"" + run + "\"" + (pending.isEmpty() ? ""
                : ",\"" + PENDING + "\":" + pending.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
        AuditFile.Written written = file.append(List.of(json.writeValueAsString(line)), fields, force).get(0);
        if (pendingCommit) {
            pending.add(written.seq());
        }
        return written;
    }

    private synchronized void settle(long seq) {
        pending.remove(seq);
    }

    /** The command's ledger, each reservation wrapped so that its grant is logged before it is committed. */
    private final class Watch extends ForwardingGrantLedger {
        Watch(GrantLedger ledger) {
            super(ledger);
        }

        @Override
        public Reservation reserve(GrantCase application) {
            return new Logged(delegate().reserve(application), application);
        }

        /** Logs the withdrawal of the grant that counts under {@code caseId} (on disk), then withdraws it anchored at its line. */
        @Override
        public boolean withdraw(String caseId, Withdrawal withdrawal) {
            if (withdrawal.anchor() != null) {
                throw new IllegalArgumentException("the audit log anchors the withdrawals it logs");
            }
            Optional<RecordedGrant> counting = history(caseId).stream().filter(g -> !g.withdrawn()).findFirst();
            if (counting.isEmpty()) {
                return false;
            }
            RecordedGrant grant = counting.get();
            Instant at = withdrawal.at() == null ? Instant.now() : withdrawal.at();
            ObjectNode line = json.createObjectNode();
            line.put(CASE_ID, caseId);
            line.put(INPUT_HASH, grant.inputHash());
            ObjectNode why = line.putObject(WITHDRAWAL);
            why.put(AT, at.toString());
            if (withdrawal.reason() != null) {
                why.put(REASON, withdrawal.reason());
            }
            line.set(DECISION, json.valueToTree(grant.decision()));
            line.put(RULES_VERSION, grant.decision().rulesVersion());
            try {
                AuditFile.Written written = write(line, true, true);
                boolean withdrawn;
                try {
                    withdrawn = delegate().withdraw(caseId, new Withdrawal(at, withdrawal.reason(),
                            new AuditAnchor(id(), written.seq(), written.hash())));
                } catch (RuntimeException e) {
                    notCommitted(caseId, written.seq(), e.getMessage(), e);
                    throw e;
                }
                if (!withdrawn) {
                    notCommitted(caseId, written.seq(), "nothing counted under " + caseId + " any more", null);
                    return false;
                }
                settle(written.seq());
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final class Logged extends ForwardingGrantLedger.ForwardingReservation {
        private final GrantLedger.Reservation room;
        private final GrantCase application;

        Logged(GrantLedger.Reservation room, GrantCase application) {
            super(room);
            this.room = room;
            this.application = application;
        }

        /** Logs the grant (on disk), then commits it anchored at its line; the audit log gives the anchor. */
        @Override
        public void commit(Decision decision, AuditAnchor anchor) {
            if (anchor != null) {
                throw new IllegalArgumentException("the audit log anchors the grants it logs");
            }
            try {
                if (room.recorded().isPresent()) {
                    write(line(application, decision, RECORDED_EARLIER, BooleanNode.TRUE), true, false);
                    room.commit(decision);
                    return;
                }
                ObjectNode prior = json.createObjectNode();
                prior.put("employee", room.employeeGranted().add(application.alreadyGranted().employee()));
                prior.put("employer", room.employerGranted().add(application.alreadyGranted().employer()));
                AuditFile.Written written = write(line(application, decision, PRIOR_GRANTS, prior), true, true);
                try {
                    room.commit(decision, new AuditAnchor(id(), written.seq(), written.hash()));
                } catch (RuntimeException e) {
                    notCommitted(application.caseId(), written.seq(), e.getMessage(), e);
                    throw e;
                }
                settle(written.seq());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
