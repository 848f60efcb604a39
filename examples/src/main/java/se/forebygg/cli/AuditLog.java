package se.forebygg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Forebygg;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;
import se.forebygg.json.ForebyggJson;

/**
 * The append-only decision log of {@code evaluate --audit-log FILE}: one JSON line per decision with
 * the case, its input hash, the decision, the rules version and the parameter values it read, and for
 * a grant what the ledger held before it ({@code priorGrants}), so that {@code forebygg replay} can
 * decide it again without the ledger and compare.
 */
final class AuditLog implements AutoCloseable {
    static final String CASE = "case";
    static final String INPUT_HASH = "inputHash";
    static final String DECISION = "decision";
    static final String RULES_VERSION = "rulesVersion";
    static final String PARAMETERS = "parameters";
    static final String PRIOR_GRANTS = "priorGrants";
    static final String RECORDED_EARLIER = "recordedEarlier";

    private final BufferedWriter out;
    private final ObjectMapper json;
    private final Forebygg engine;
    private final Watch watch;

    private AuditLog(BufferedWriter out, Forebygg engine, GrantLedger ledger) {
        this.out = out;
        this.json = mapper();
        this.engine = engine;
        this.watch = new Watch(ledger);
    }

    static ObjectMapper mapper() {
        ObjectMapper mapper = ForebyggJson.newMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return mapper;
    }

    /** Appends to {@code file} (created if missing); decide through {@link #ledger()} so grants are logged whole. */
    static AuditLog append(Path file, Forebygg engine, GrantLedger ledger) throws IOException {
        return new AuditLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), engine, ledger);
    }

    /** The ledger to decide with: the command's ledger, watched for what each grant's reservation held. */
    GrantLedger ledger() {
        return watch;
    }

    void record(Case aCase, Decision decision) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("caseId", aCase.caseId());
        line.put(INPUT_HASH, ForebyggJson.inputHash(aCase));
        line.set(CASE, json.valueToTree(aCase));
        Watch.Held held = aCase instanceof GrantCase ? watch.held.remove(aCase.caseId()) : null;
        if (held != null) {
            GrantCase grant = (GrantCase) aCase;
            if (held.recordedEarlier()) {
                line.put(RECORDED_EARLIER, true);
            } else {
                ObjectNode prior = line.putObject(PRIOR_GRANTS);
                prior.put("employee", held.employee().add(grant.alreadyGranted().employee()));
                prior.put("employer", held.employer().add(grant.alreadyGranted().employer()));
            }
        }
        line.set(DECISION, json.valueToTree(decision));
        line.put(RULES_VERSION, decision.rulesVersion());
        line.set(PARAMETERS, json.valueToTree(engine.parametersFor(aCase)));
        out.write(json.writeValueAsString(line));
        out.newLine();
        out.flush(); // a decision given out is in the log, even if the process dies next
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Notes what each reservation held, by caseId, until its decision is logged (a batch holds several). */
    private static final class Watch implements GrantLedger {
        private final GrantLedger ledger;
        private final Map<String, Held> held = new ConcurrentHashMap<>();

        record Held(BigDecimal employee, BigDecimal employer, boolean recordedEarlier) {
        }

        Watch(GrantLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public BigDecimal granted(String employerId, int year) {
            return ledger.granted(employerId, year);
        }

        @Override
        public BigDecimal granted(String employerId, String employeeId, int year) {
            return ledger.granted(employerId, employeeId, year);
        }

        @Override
        public int reservationsAtOnce() {
            return ledger.reservationsAtOnce();
        }

        @Override
        public Reservation reserve(GrantCase application) {
            Reservation r = ledger.reserve(application);
            held.put(application.caseId(), new Held(r.employeeGranted(), r.employerGranted(), r.recorded().isPresent()));
            return r;
        }

        @Override
        public boolean withdraw(String id) {
            return ledger.withdraw(id);
        }
    }
}
