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
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import se.forebygg.Forebygg;
import se.forebygg.audit.AuditLog;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.grant.GrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.order.Pipeline;
import se.forebygg.order.SortedSpill;

/**
 * How {@code evaluate} and {@code explain} decide a whole input with flat memory, the results in input order.
 *
 * <p>Every case but a grant application is decided as soon as a chunk of them is read. The grant applications
 * wait until the input ends (their order of decision depends on all of them), sorted on disk
 * ({@link SortedSpill}), then are decided in their order ({@link Forebygg#ledgerOrder()}), a batch at a time,
 * their results written to a file of their own; the results that come after the first grant in the input wait
 * in a temporary file, and each grant's result takes its place from there.
 *
 * <p>With more than one thread, reading and writing run beside the deciding ({@link Pipeline}): one thread
 * reads and parses the chunks ahead, one renders and writes the results behind, each in order, while the
 * engine's threads decide; the output is the same as one thread's.
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
    private final boolean pipelined;
    private final int chunk;
    private final int grantBatch;

    /**
     * Decides with {@code engine} through {@code ledger}, or through {@code audit}'s ledger when it is not null
     * (then every decision is logged); {@code render} makes a result's line. When the engine decides on more
     * than one thread, reading and writing run on threads of their own; with one, everything runs on the caller's.
     */
    InputOrder(Forebygg engine, GrantLedger ledger, AuditLog audit, Function<Result, String> render) {
        this(engine, ledger, audit, render, CHUNK, GRANT_BATCH);
    }

    /** As above, with batches of other sizes (tests: many batches from a small input). */
    InputOrder(Forebygg engine, GrantLedger ledger, AuditLog audit, Function<Result, String> render, int chunk, int grantBatch) {
        this.engine = engine;
        this.ledger = ledger;
        this.audit = audit;
        this.render = render;
        this.pipelined = engine.threads() > 1;
        this.chunk = chunk;
        this.grantBatch = grantBatch;
    }

    /** Decides every input of {@code reader} and gives each result's line to {@code out}, in input order. */
    void decide(CaseReader reader, Progress progress, Lines out) throws IOException {
        Path decided = null;
        try (SortedSpill grants = new SortedSpill(engine.ledgerOrder(), ForebyggJson.newMapper(), SortedSpill.RUN_SIZE);
             Waiting waiting = new Waiting();
             Pipeline.Writes writes = Pipeline.writes(pipelined)) {
            // From the first grant's place on, every line waits in a file for the grants' results.
            Pipeline.<Pending>run(emit -> read(reader, grants, emit),
                    pending -> decide(pending, writes, pending.grantPlaces.isEmpty() && !waiting.started() ? out : waiting.lines()),
                    pipelined, "forebygg-read");
            writes.drain();
            if (waiting.started()) {
                progress.phase(grants.phase());
                decided = Files.createTempFile("forebygg-grant-results", ".txt");
                Places places = decideGrants(grants, writes, decided);
                try (BufferedReader lines = waiting.reader();
                     RandomAccessFile grantLines = new RandomAccessFile(decided.toFile(), "r")) {
                    int next = 0;
                    String line;
                    while ((line = lines.readLine()) != null) {
                        out.line(line.isEmpty() ? places.read(grantLines, next++) : line);
                    }
                }
            }
        } finally {
            if (decided != null) {
                Files.deleteIfExists(decided);
            }
        }
    }

    /**
     * Reads the input in batches of what is decided together ({@link Pending}), each grant application put
     * aside in {@code grants} and its place held; on the reading thread, when there is one.
     */
    private void read(CaseReader reader, SortedSpill grants, Pipeline.Emit<Pending> emit) throws IOException {
        Pending pending = new Pending(chunk);
        while (reader.hasNext()) {
            Input entry = reader.next();
            if (entry instanceof Input.Read read && engine.sharesLedger(read.aCase())) {
                grants.add(read);
                pending.holdPlace(); // the grant's place: its result comes after the input's end
            } else {
                pending.add(entry);
            }
            if (pending.isFull()) {
                emit.accept(pending);
                pending = new Pending(chunk);
            }
        }
        if (pending.places > 0) {
            emit.accept(pending);
        }
    }

    /**
     * Decides the grant applications in their order, a batch at a time ({@value #GRANT_BATCH}), and writes their result
     * lines to {@code file} in that order; where each line lies, by the application's number. The next batch is
     * read from disk while one is decided, when there are several threads.
     */
    private Places decideGrants(SortedSpill grants, Pipeline.Writes writes, Path file) throws IOException {
        Places places = new Places(grants.size());
        try (OutputStream to = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Pipeline.<GrantBatch>run(
                    emit -> grants.inBatches(grantBatch, batch -> emit.accept(new GrantBatch(
                            batch.stream().<Input>map(SortedSpill.Entry::input).toList(),
                            batch.stream().mapToInt(SortedSpill.Entry::number).toArray()))),
                    batch -> {
                        List<Result> results = results(batch.inputs());
                        writes.submit(() -> {
                            for (int k = 0; k < results.size(); k++) {
                                places.write(to, batch.numbers()[k], render.apply(results.get(k)));
                            }
                        });
                    },
                    pipelined, "forebygg-read-grants");
            writes.drain();
        }
        return places;
    }

    /** Grant applications decided together, in their order, and their numbers among all of them. */
    private record GrantBatch(List<Input> inputs, int[] numbers) {
    }

    /**
     * Decides the pending inputs together; their lines, and an empty line in each grant's place among them, go
     * to {@code to} in input order, through {@code writes}.
     */
    private void decide(Pending pending, Pipeline.Writes writes, Lines to) throws IOException {
        List<Result> results = pending.inputs.isEmpty() ? List.of() : results(pending.inputs);
        writes.submit(() -> {
            int next = 0;
            for (int place = 0; place < pending.places; place++) {
                to.line(pending.grantPlaces.get(place) ? "" : render.apply(results.get(next++)));
            }
        });
    }

    /**
     * Inputs read in a row, to be decided together, and the places of the grant applications among them;
     * full at {@code size} inputs ({@value #CHUNK}), or at four times as many places (an input of grants alone).
     */
    private static final class Pending {
        private final int size;
        private final List<Input> inputs;
        private final BitSet grantPlaces = new BitSet();
        private int places;

        Pending(int size) {
            this.size = size;
            this.inputs = new ArrayList<>(size);
        }

        void add(Input input) {
            inputs.add(input);
            places++;
        }

        void holdPlace() {
            grantPlaces.set(places++);
        }

        boolean isFull() {
            return inputs.size() == size || places == 4 * size;
        }
    }

    /** The lines that wait for the grants' results: in a temporary file, made at the first grant. */
    private static final class Waiting implements AutoCloseable {
        private Path file;
        private PrintWriter writer;

        boolean started() {
            return writer != null;
        }

        Lines lines() throws IOException {
            if (writer == null) {
                file = Files.createTempFile("forebygg-results", ".txt");
                writer = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
            }
            return writer::println;
        }

        /** The lines written, from the first; no more can be written. */
        BufferedReader reader() throws IOException {
            writer.close();
            if (writer.checkError()) {
                throw new IOException("could not write the temporary file " + file);
            }
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            if (writer != null) {
                writer.close();
                Files.deleteIfExists(file);
            }
        }
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
