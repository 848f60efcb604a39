package se.forebygg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
 * <p>Streams: every other case is decided as soon as a chunk of them is read. The grant applications wait
 * until the input ends (their order of decision depends on all of them), sorted on disk ({@link SortedSpill}),
 * then are decided in their order, a batch at a time, their results written to a file of their own; the
 * results that come after the first grant in the input wait in a temporary file, and each grant's result
 * takes its place from there, so memory does not grow with the input.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Decides every case in FILE and writes one decision or error object per line.",
                "FILE holds one JSON case, a JSON array of cases, or JSON Lines; '-' reads standard input."})
final class EvaluateCommand implements Callable<Integer> {
    /** Cases other than grants decided together in one batch: enough to amortise a session, little memory. */
    private static final int CHUNK = 1000;
    /** Grant applications held in memory before they are sorted on disk ({@link SortedSpill}). */
    private static final int HELD = 10_000;
    /** Grant applications decided together, in their order: many rooms per wave, little memory. */
    private static final int GRANT_BATCH = 5_000;

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
        Path decided = null;
        SortedSpill grants = new SortedSpill(engine.ledgerOrder(), mapper, HELD);
        try (Inputs.Opened input = Inputs.open(file, "evaluate");
             CaseReader reader = CaseReader.open(input.reader());
             LedgerOptions.Opened ledgers = ledgerOptions.open();
             AuditLog audit = auditOptions.auditLog == null ? null
                     : AuditLog.append(auditOptions.auditLog, engine, ledgers.ledger(), auditOptions.auditKey)) {
            GrantLedger ledger = ledgers.ledger();
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
                    grants.add(read);
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
                input.progress().phase(String.format("input read; deciding the %,d grant applications in their order",
                        grants.size()));
                decided = Files.createTempFile("forebygg-evaluate-grants", ".jsonl");
                Places places = decideGrants(outcomes, engine, ledger, audit, grants, decided, mapper);
                try (BufferedReader waiting = Files.newBufferedReader(spill, StandardCharsets.UTF_8);
                     RandomAccessFile grantLines = new RandomAccessFile(decided.toFile(), "r")) {
                    int next = 0;
                    String line;
                    while ((line = waiting.readLine()) != null) {
                        out.println(line.isEmpty() ? places.read(grantLines, next++) : line);
                    }
                }
            }
        } finally {
            out.flush();
            grants.close();
            if (spill != null) {
                Files.deleteIfExists(spill);
            }
            if (decided != null) {
                Files.deleteIfExists(decided);
            }
        }
        return outcomes.exitCode();
    }

    /**
     * Decides the grant applications in their order ({@link Forebygg#ledgerOrder()}), {@value #GRANT_BATCH} at a
     * time, and writes their result lines to {@code file} in that order; where each line lies, by the
     * application's number.
     */
    private static Places decideGrants(Outcomes outcomes, Forebygg engine, GrantLedger ledger, AuditLog audit,
                                       SortedSpill grants, Path file, ObjectMapper mapper) throws IOException {
        Places places = new Places(grants.size());
        try (OutputStream to = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Iterator<SortedSpill.Entry> sorted = grants.sorted();
            List<Input> batch = new ArrayList<>(GRANT_BATCH);
            List<Integer> numbers = new ArrayList<>(GRANT_BATCH);
            while (sorted.hasNext() || !batch.isEmpty()) {
                if (sorted.hasNext()) {
                    SortedSpill.Entry next = sorted.next();
                    batch.add(next.input());
                    numbers.add(next.number());
                }
                if (batch.size() == GRANT_BATCH || !sorted.hasNext()) {
                    List<Result> results = decide(engine, ledger, audit, batch);
                    for (int k = 0; k < results.size(); k++) {
                        outcomes.note(results.get(k));
                        places.write(to, numbers.get(k), ForebyggJson.toLine(mapper, results.get(k)));
                    }
                    batch.clear();
                    numbers.clear();
                }
            }
        }
        return places;
    }

    /** Where each decided grant's line lies in the file of them, by the application's number. */
    private static final class Places {
        private final long[] offsets;
        private final int[] lengths;
        private long written;

        Places(int count) {
            offsets = new long[count];
            lengths = new int[count];
        }

        void write(OutputStream to, int number, String line) throws IOException {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            to.write(bytes);
            offsets[number] = written;
            lengths[number] = bytes.length;
            written += bytes.length;
        }

        String read(RandomAccessFile from, int number) throws IOException {
            byte[] bytes = new byte[lengths[number]];
            from.seek(offsets[number]);
            from.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
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
