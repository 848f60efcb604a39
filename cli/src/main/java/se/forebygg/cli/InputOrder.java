package se.forebygg.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * reads and parses the chunks ahead and, from the input's end, the grant batches from the sort; one renders
 * and writes the results behind; each in order, while the engine's threads decide. The output is the same as
 * one thread's.
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

    /**
     * Where each result's text goes, in input order: its bytes, as the renderer made them, from {@code offset}
     * for {@code length} ({@code text} may be reused once the call returns).
     */
    @FunctionalInterface
    interface Texts {
        void text(byte[] text, int offset, int length) throws IOException;

        default void text(byte[] text) throws IOException {
            text(text, 0, text.length);
        }
    }

    private final Forebygg engine;
    private final GrantLedger ledger;
    private final AuditLog audit;
    private final Function<Result, byte[]> render;
    private final boolean pipelined;
    private final int chunk;
    private final int grantBatch;

    /**
     * Decides with {@code engine} through {@code ledger}, or through {@code audit}'s ledger when it is not null
     * (then every decision is logged); {@code render} makes a result's text (UTF-8, as written out). When the engine decides on more
     * than one thread, reading and writing run on threads of their own; with one, everything runs on the caller's.
     */
    InputOrder(Forebygg engine, GrantLedger ledger, AuditLog audit, Function<Result, byte[]> render) {
        this(engine, ledger, audit, render, CHUNK, GRANT_BATCH);
    }

    /** As above, with batches of other sizes (tests: many batches from a small input). */
    InputOrder(Forebygg engine, GrantLedger ledger, AuditLog audit, Function<Result, byte[]> render, int chunk, int grantBatch) {
        this.engine = engine;
        this.ledger = ledger;
        this.audit = audit;
        this.render = render;
        this.pipelined = engine.threads() > 1;
        this.chunk = chunk;
        this.grantBatch = grantBatch;
    }

    /** Decides every input of {@code reader} and gives each result's text to {@code out}, in input order. */
    void decide(CaseReader reader, Progress progress, Texts out) throws IOException {
        try (SortedSpill grants = new SortedSpill(engine.ledgerOrder(), ForebyggJson.newMapper(), SortedSpill.RUN_SIZE);
             Waiting waiting = new Waiting();
             GrantResults grantResults = new GrantResults(waiting);
             Pipeline.Writes writes = Pipeline.writes(pipelined)) {
            // From the first grant's place on, every text waits in a file for the grants' results. The grants are
            // read back in their order as soon as the input ends, while the last cases before them are decided.
            Pipeline.<Batch>run(emit -> {
                read(reader, grants, emit);
                grants.inBatches(grantBatch, batch -> emit.accept(new GrantBatch(
                        batch.stream().<Input>map(SortedSpill.Entry::input).toList(),
                        batch.stream().mapToInt(SortedSpill.Entry::number).toArray())));
            }, batch -> {
                if (batch instanceof Pending pending) {
                    decide(pending, writes, out, waiting);
                } else {
                    if (!grantResults.started()) {
                        progress.phase(grants.phase());
                        grantResults.start(grants.size());
                    }
                    decide((GrantBatch) batch, writes, grantResults);
                }
            }, pipelined, "forebygg-read");
            writes.drain();
            if (waiting.started()) {
                waiting.copyTo(out, grantResults.finish());
            }
        }
    }

    /** What the reading gives the deciding, in order: the input's cases but grants, then the grants in their order. */
    private sealed interface Batch permits Pending, GrantBatch {
    }

    /**
     * Reads the input in batches of what is decided together ({@link Pending}), each grant application put
     * aside in {@code grants} and its place held; on the reading thread, when there is one.
     */
    private void read(CaseReader reader, SortedSpill grants, Pipeline.Emit<Batch> emit) throws IOException {
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
     * Decides a batch of grant applications ({@value #GRANT_BATCH} in their order; the next is read from disk while
     * one is decided, when there are several threads) and writes their results' texts to the file of them.
     */
    private void decide(GrantBatch batch, Pipeline.Writes writes, GrantResults to) throws IOException {
        List<Result> results = results(batch.inputs());
        writes.submit(() -> to.write(batch.numbers(), results));
    }

    /**
     * The grants' results' texts in the order decided, in a temporary file ({@link Waiting#grantResults}), and where
     * each lies, by the application's number; from the first batch on.
     */
    private final class GrantResults implements AutoCloseable {
        private final Waiting waiting;
        private Places places;
        private OutputStream to;

        GrantResults(Waiting waiting) {
            this.waiting = waiting;
        }

        boolean started() {
            return places != null;
        }

        void start(int count) throws IOException {
            Path file = waiting.grantResults();
            places = new Places(file, count);
            to = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        /** On the writing thread, when there is one. */
        void write(int[] numbers, List<Result> results) throws IOException {
            for (int k = 0; k < results.size(); k++) {
                places.write(to, numbers[k], render.apply(results.get(k)));
            }
        }

        /** Every text written and the file closed: where each lies. */
        Places finish() throws IOException {
            to.close();
            return places;
        }

        @Override
        public void close() throws IOException {
            if (to != null) {
                to.close();
            }
        }
    }

    /** Grant applications decided together, in their order, and their numbers among all of them. */
    private record GrantBatch(List<Input> inputs, int[] numbers) implements Batch {
    }

    /**
     * Decides the pending inputs together; their texts go to {@code out} in input order, through {@code writes},
     * or wait in {@code waiting} with each grant's place among them, once a grant has been read.
     */
    private void decide(Pending pending, Pipeline.Writes writes, Texts out, Waiting waiting) throws IOException {
        List<Result> results = pending.inputs.isEmpty() ? List.of() : results(pending.inputs);
        Texts to = pending.grantPlaces.isEmpty() && !waiting.started() ? out : waiting.start();
        writes.submit(() -> {
            int next = 0;
            for (int place = 0; place < pending.places; place++) {
                if (pending.grantPlaces.get(place)) {
                    waiting.holdPlace();
                } else {
                    to.text(render.apply(results.get(next++)));
                }
            }
        });
    }

    /**
     * Inputs read in a row, to be decided together, and the places of the grant applications among them;
     * full at {@code size} inputs ({@value #CHUNK}), or at four times as many places (an input of grants alone).
     */
    private static final class Pending implements Batch {
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

    /**
     * The texts that wait for the grants' results, in a temporary file made at the first grant: each as its
     * length and its bytes, a grant's place as the length -1; and the file of the grants' results. Read back
     * as bytes, never decoded: copying them out costs little more than the disk.
     */
    private static final class Waiting implements AutoCloseable {
        private static final int PLACE = -1;
        private Path file;
        private DataOutputStream writer;
        private long count;
        private Path grantResults;

        boolean started() {
            return writer != null;
        }

        /** Where the texts wait from now on; the file is made at the first call. */
        Texts start() throws IOException {
            if (writer == null) {
                file = Files.createTempFile("forebygg-results", ".bin");
                writer = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            }
            return (text, offset, length) -> {
                writer.writeInt(length);
                writer.write(text, offset, length);
                count++;
            };
        }

        /** A grant's place, its text to come from the grants' results. */
        void holdPlace() throws IOException {
            writer.writeInt(PLACE);
            count++;
        }

        /** A temporary file for the grants' results, deleted with this. */
        Path grantResults() throws IOException {
            grantResults = Files.createTempFile("forebygg-grant-results", ".bin");
            return grantResults;
        }

        /**
         * Gives every text written to {@code out}, in order, each grant's place its text from {@code places};
         * no more can be written.
         */
        void copyTo(Texts out, Places places) throws IOException {
            writer.close();
            try (DataInputStream from = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                 FileChannel grantTexts = places.open()) {
                int next = 0;
                byte[] text = new byte[1 << 12];
                for (long k = 0; k < count; k++) {
                    int length = from.readInt();
                    if (length == PLACE) {
                        int number = next++;
                        text = places.read(grantTexts, number, text);
                        out.text(text, 0, places.length(number));
                    } else {
                        text = fit(text, length);
                        from.readFully(text, 0, length);
                        out.text(text, 0, length);
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (writer != null) {
                    writer.close();
                    Files.deleteIfExists(file);
                }
            } finally {
                if (grantResults != null) {
                    Files.deleteIfExists(grantResults);
                }
            }
        }
    }

    /** The results of {@code entries} as one batch ({@link Forebygg#decideAll}); each decision also logged, if asked. */
    private List<Result> results(List<Input> entries) throws IOException {
        return audit == null ? engine.decideAll(entries, ledger) : audit.decideAll(entries);
    }

    /** {@code buffer} if {@code length} bytes fit in it, else a larger one (at least twice its size) to reuse. */
    private static byte[] fit(byte[] buffer, int length) {
        return length <= buffer.length ? buffer : new byte[Math.max(length, 2 * buffer.length)];
    }

    /** Where each decided grant's text lies in the file of them, by the application's number. */
    private static final class Places {
        private final Path file;
        private final long[] offsets;
        private final int[] lengths;
        private long written;

        Places(Path file, int count) {
            this.file = file;
            offsets = new long[count];
            lengths = new int[count];
        }

        void write(OutputStream to, int number, byte[] text) throws IOException {
            to.write(text);
            offsets[number] = written;
            lengths[number] = text.length;
            written += text.length;
        }

        FileChannel open() throws IOException {
            return FileChannel.open(file, StandardOpenOption.READ);
        }

        int length(int number) {
            return lengths[number];
        }

        /** Reads the text of grant {@code number} into {@code buffer}, or a larger one if it does not fit: the one used. */
        byte[] read(FileChannel from, int number, byte[] buffer) throws IOException {
            byte[] into = fit(buffer, lengths[number]);
            ByteBuffer text = ByteBuffer.wrap(into, 0, lengths[number]);
            long at = offsets[number];
            while (text.hasRemaining()) {
                int read = from.read(text, at + text.position());
                if (read < 0) {
                    throw new EOFException("the temporary file " + file + " ends before the result of grant " + number);
                }
            }
            return into;
        }
    }
}
