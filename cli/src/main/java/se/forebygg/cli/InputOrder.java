package se.forebygg.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import se.forebygg.Forebygg;
import se.forebygg.audit.AuditLog;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.grant.GrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.order.SortedSpill;

/**
 * How {@code evaluate} and {@code explain} decide a whole input with flat memory, the results in input order.
 *
 * <p>Every case but a grant application is decided as soon as a chunk of them is read. The grant applications
 * wait until the input ends (their order of decision depends on all of them), sorted on disk
 * ({@link SortedSpill}), then are decided in their order ({@link Forebygg#ledgerOrder()}), a batch at a time,
 * their results written to a file of their own; the results that come after the first grant in the input wait
 * in a temporary file, and each grant's result takes its place from there.
 */
final class InputOrder {
    /**
     * Cases other than grants decided together in one batch: some 20 of the engine's sessions (200 cases each), so
     * that several threads share a batch evenly (1 000 made 5 sessions: on 2 threads one idled a fifth of the
     * time); a few MB.
     */
    private static final int CHUNK = 4_000;
    /** Grant applications decided together, in their order: many rooms per wave, little memory. */
    private static final int GRANT_BATCH = 5_000;

    /** Where each result goes: one line, never empty (an empty line holds a grant's place while it waits). */
    @FunctionalInterface
    interface Lines {
        void line(String line) throws IOException;
    }

    private final Forebygg engine;
    private final GrantLedger ledger;
    private final AuditLog audit;
    private final Function<Result, String> render;

    /**
     * Decides with {@code engine} through {@code ledger}, or through {@code audit}'s ledger when it is not null
     * (then every decision is logged); {@code render} makes a result's line.
     */
    InputOrder(Forebygg engine, GrantLedger ledger, AuditLog audit, Function<Result, String> render) {
        this.engine = engine;
        this.ledger = ledger;
        this.audit = audit;
        this.render = render;
    }

    /** Decides every input of {@code reader} and gives each result's line to {@code out}, in input order. */
    void decide(CaseReader reader, Progress progress, Lines out) throws IOException {
        Path spill = null;
        Path decided = null;
        try (SortedSpill grants = new SortedSpill(engine.ledgerOrder(), ForebyggJson.newMapper(), SortedSpill.RUN_SIZE)) {
            List<Input> pending = new ArrayList<>(CHUNK);
            PrintWriter later = null;
            while (reader.hasNext()) {
                Input entry = reader.next();
                if (entry instanceof Input.Read read && engine.sharesLedger(read.aCase())) {
                    if (later == null) {
                        decide(pending, out);
                        spill = Files.createTempFile("forebygg-results", ".txt");
                        later = new PrintWriter(Files.newBufferedWriter(spill, StandardCharsets.UTF_8));
                    } else {
                        decide(pending, later::println);
                    }
                    grants.add(read);
                    later.println(); // the grant's place: its result comes after the input's end
                    continue;
                }
                pending.add(entry);
                if (pending.size() == CHUNK) {
                    decide(pending, later == null ? out : later::println);
                }
            }
            decide(pending, later == null ? out : later::println);
            if (later != null) {
                later.close();
                progress.phase(String.format("input read; deciding the %,d grant applications in their order", grants.size()));
                decided = Files.createTempFile("forebygg-grant-results", ".txt");
                Places places = decideGrants(grants, decided);
                try (BufferedReader waiting = Files.newBufferedReader(spill, StandardCharsets.UTF_8);
                     RandomAccessFile grantLines = new RandomAccessFile(decided.toFile(), "r")) {
                    int next = 0;
                    String line;
                    while ((line = waiting.readLine()) != null) {
                        out.line(line.isEmpty() ? places.read(grantLines, next++) : line);
                    }
                }
            }
        } finally {
            if (spill != null) {
                Files.deleteIfExists(spill);
            }
            if (decided != null) {
                Files.deleteIfExists(decided);
            }
        }
    }

    /**
     * Decides the grant applications in their order, {@value #GRANT_BATCH} at a time, and writes their result
     * lines to {@code file} in that order; where each line lies, by the application's number.
     */
    private Places decideGrants(SortedSpill grants, Path file) throws IOException {
        Places places = new Places(grants.size());
        try (OutputStream to = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            grants.inBatches(GRANT_BATCH, batch -> {
                List<Result> results = results(batch.stream().<Input>map(SortedSpill.Entry::input).toList());
                for (int k = 0; k < results.size(); k++) {
                    places.write(to, batch.get(k).number(), render.apply(results.get(k)));
                }
            });
        }
        return places;
    }

    /** Decides {@code entries} together, gives their lines to {@code to} in order and forgets them. */
    private void decide(List<Input> entries, Lines to) throws IOException {
        for (Result result : results(entries)) {
            to.line(render.apply(result));
        }
        entries.clear();
    }

    /** The results of {@code entries} as one batch ({@link Forebygg#decideAll}); each decision also logged, if asked. */
    private List<Result> results(List<Input> entries) throws IOException {
        return audit == null ? engine.decideAll(entries, ledger) : audit.decideAll(entries);
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
}
