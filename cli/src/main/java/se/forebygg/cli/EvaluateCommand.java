package se.forebygg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.forebygg.audit.AuditLog;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.grant.GrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;

/**
 * {@code forebygg evaluate FILE}: one decision (or error object) per line, in input order. Grant
 * applications of one input are evaluated together, in order of submittedOn then caseId.
 *
 * <p>Streams: every other case is decided as soon as a chunk of them is read. Only the grant applications are held
 * until the input ends (their order of decision depends on all of them); the results that come after
 * the first grant in the input wait in a temporary file, so memory does not grow with the input.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Decides every case in FILE and writes one decision or error object per line.",
                "FILE holds one JSON case, a JSON array of cases, or JSON Lines; '-' reads standard input."})
final class EvaluateCommand implements Callable<Integer> {
    /** Cases other than grants decided together in one batch: enough to amortise a session, little memory. */
    private static final int CHUNK = 1000;

    @Parameters(index = "0", paramLabel = "FILE", description = "Input file, or '-' for standard input.")
    String file;

    @Mixin
    EngineOptions options;

    @Mixin
    ThreadsOption threads;

    @Mixin
    LedgerOptions ledgerOptions;

    @Mixin
    AuditOptions auditOptions;

    @Override
    public Integer call() throws Exception {
        Forebygg engine = options.engine(options.parameters(), threads);
        ObjectMapper mapper = ForebyggJson.newMapper();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        Outcomes outcomes = new Outcomes();
        Path spill = null;
        try (Inputs.Opened input = Inputs.open(file, "evaluate");
             CaseReader reader = CaseReader.open(input.reader());
             LedgerOptions.Opened ledgers = ledgerOptions.open();
             AuditLog audit = auditOptions.auditLog == null ? null
                     : AuditLog.append(auditOptions.auditLog, engine, ledgers.ledger(), auditOptions.auditKey)) {
            GrantLedger ledger = ledgers.ledger();
            List<Input> grants = new ArrayList<>();
            List<Input> pending = new ArrayList<>(CHUNK);
            PrintWriter later = null;
            while (reader.hasNext()) {
                Input entry = reader.next();
                if (entry instanceof Input.Read read && engine.sharesLedger(read.aCase())) {
                    if (later == null) {
                        decideAndWrite(outcomes, engine, ledger, audit, pending, out, mapper);
                        spill = Files.createTempFile("forebygg-evaluate", ".jsonl");
                        later = new PrintWriter(Files.newBufferedWriter(spill, StandardCharsets.UTF_8));
                    } else {
                        decideAndWrite(outcomes, engine, ledger, audit, pending, later, mapper);
                    }
                    grants.add(entry);
                    later.println(); // the grant's place: its decision comes after the input's end
                    continue;
                }
                pending.add(entry);
                if (pending.size() == CHUNK) {
                    decideAndWrite(outcomes, engine, ledger, audit, pending, later == null ? out : later, mapper);
                }
            }
            decideAndWrite(outcomes, engine, ledger, audit, pending, later == null ? out : later, mapper);
            if (later != null) {
                later.close();
                input.progress().phase(String.format("input read; deciding the %,d grant applications held for their order",
                        grants.size()));
                List<Result> results = decide(engine, ledger, audit, grants);
                String[] decided = new String[results.size()];
                for (int i = 0; i < decided.length; i++) {
                    outcomes.note(results.get(i));
                    decided[i] = ForebyggJson.toLine(mapper, results.get(i));
                }
                grants.clear();
                int next = 0;
                try (BufferedReader waiting = Files.newBufferedReader(spill, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = waiting.readLine()) != null) {
                        out.println(line.isEmpty() ? decided[next++] : line);
                    }
                }
            }
        } finally {
            out.flush();
            if (spill != null) {
                Files.deleteIfExists(spill);
            }
        }
        return outcomes.exitCode();
    }

    /** What the results so far say for the exit status. */
    private static final class Outcomes {
        boolean badInput;
        boolean undecided;

        void note(Result result) {
            if (result instanceof Result.Refused error) {
                badInput |= error.isBadInput();
                undecided |= !error.isBadInput();
            }
        }

        int exitCode() {
            return undecided ? ExitCodes.INTERNAL_FAILURE : badInput ? ExitCodes.BAD_INPUT : ExitCodes.OK;
        }
    }

    /** Decides {@code entries} together, writes their results in order and forgets them. */
    private static void decideAndWrite(Outcomes outcomes, Forebygg engine, GrantLedger ledger, AuditLog audit,
                                       List<Input> entries, PrintWriter to, ObjectMapper mapper)
            throws IOException {
        for (Result result : decide(engine, ledger, audit, entries)) {
            outcomes.note(result);
            to.println(ForebyggJson.toLine(mapper, result));
        }
        entries.clear();
    }

    /** The results of {@code entries} as one batch ({@link Forebygg#decideAll}); each decision is also written to the audit log. */
    private static List<Result> decide(Forebygg engine, GrantLedger ledger, AuditLog audit, List<Input> entries)
            throws IOException {
        return audit == null ? engine.decideAll(entries, ledger) : audit.decideAll(entries);
    }
}
