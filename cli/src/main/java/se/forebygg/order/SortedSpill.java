package se.forebygg.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import se.forebygg.engine.Case;
import se.forebygg.engine.Input;

/**
 * Cases held for their order outside the heap (an external sort): up to {@code runSize} are kept in memory;
 * beyond that each full run is sorted and written to a temporary file, and the runs are merged when read
 * back. Each case keeps its number (the order it was added in) and the input lines of its values, so that
 * a problem found in it later names the same line.
 */
public final class SortedSpill implements AutoCloseable {

    /** A case read back: its number and the input as read. */
    public record Entry(int number, Input.Read input) {
    }

    /** What is done with each batch of cases read back in order. */
    @FunctionalInterface
    public interface Batches {
        /** {@code batch} is reused: copy what must outlive the call. */
        void accept(List<Entry> batch) throws IOException;
    }

    /** Cases held in memory before they are sorted and written out: a few MB, few files for a million. */
    public static final int RUN_SIZE = 10_000;

    private final Comparator<Case> order;
    private final ObjectMapper mapper;
    private final ObjectWriter caseWriter;
    private final ObjectReader caseReader;
    private final int runSize;
    private final List<Entry> run = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<BufferedReader> open = new ArrayList<>();
    private int added;
    private boolean closed;

    /** Holds cases for {@code order}, at most {@code runSize} of them in memory. */
    public SortedSpill(Comparator<Case> order, ObjectMapper mapper, int runSize) {
        this.order = order;
        this.mapper = mapper;
        this.caseWriter = mapper.writerFor(Case.class);
        this.caseReader = mapper.readerFor(Case.class);
        this.runSize = runSize;
    }

    /** How many cases were added. */
    public int size() {
        return added;
    }

    /** The step of deciding the cases held here in their order, as a progress line names it. */
    public String phase() {
        return String.format("input read; deciding the %,d grant applications in their order", size());
    }

    /**
     * Adds a case; once {@code runSize} are held they go to a file. Refused once closed: a reading thread left
     * behind ({@link Pipeline#run}) leaves no temporary file.
     */
    public synchronized void add(Input.Read input) throws IOException {
        if (closed) {
            throw new IllegalStateException("the sort of grant applications is closed: no case can be added");
        }
        run.add(new Entry(added++, input));
        if (run.size() == runSize) {
            spill();
        }
    }

    /**
     * Every case added, in {@code order}, given to {@code to} {@code size} at a time (the last batch may be
     * smaller); call once, after the last add.
     */
    public void inBatches(int size, Batches to) throws IOException {
        Iterator<Entry> sorted = sorted();
        List<Entry> batch = new ArrayList<>(size);
        while (sorted.hasNext()) {
            batch.add(sorted.next());
            if (batch.size() == size || !sorted.hasNext()) {
                to.accept(batch);
                batch.clear();
            }
        }
    }

    /**
     * Every case added, in {@code order} (cases equal in it by number); call once, after the last add. The
     * runs on disk are merged with the last one, which stays in memory.
     */
    public Iterator<Entry> sorted() throws IOException {
        run.sort(byOrder());
        if (runs.isEmpty()) {
            return List.copyOf(run).iterator();
        }
        List<Run> sources = new ArrayList<>();
        for (Path file : runs) {
            BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            open.add(in);
            sources.add(new FileRun(in));
        }
        if (!run.isEmpty()) {
            sources.add(new MemoryRun(List.copyOf(run).iterator()));
            run.clear();
        }
        PriorityQueue<Run> heads = new PriorityQueue<>(Comparator.comparing((Run r) -> r.head, byOrder()));
        for (Run r : sources) {
            if (r.advance()) {
                heads.add(r);
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Entry next() {
                Run r = heads.poll();
                if (r == null) {
                    throw new NoSuchElementException();
                }
                Entry e = r.head;
                if (r.advance()) {
                    heads.add(r);
                }
                return e;
            }
        };
    }

    private Comparator<Entry> byOrder() {
        return Comparator.comparing((Entry e) -> e.input().aCase(), order).thenComparingInt(Entry::number);
    }

    /** Sorts the run in memory and writes it to a file of its own, one case a line ({@link #record}). */
    private void spill() throws IOException {
        run.sort(byOrder());
        Path file = Files.createTempFile("forebygg-sort", ".txt");
        runs.add(file);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Entry e : run) {
                out.write(record(e));
                out.newLine();
            }
        }
        run.clear();
    }

    /**
     * A case as a line: its number, its first line, the lines of its values that are not on the first (a JSON
     * object by path, left out for a case that stood on one line), the case as JSON; a tab between two (the
     * JSON written here has none).
     */
    private String record(Entry e) throws IOException {
        Input.Read input = e.input();
        String lines = "";
        if (input.lines().onlyLine().isEmpty()) {
            ObjectNode other = mapper.createObjectNode();
            collectLines(mapper.valueToTree(input.aCase()), "$", input.lines(), input.line(), other);
            lines = other.isEmpty() ? "" : mapper.writeValueAsString(other);
        }
        return e.number() + "\t" + input.line() + "\t" + lines + "\t" + caseWriter.writeValueAsString(input.aCase());
    }

    private static void collectLines(JsonNode node, String path, Input.Lines lines, int first, ObjectNode into) {
        Integer line = lines.lineOf(path);
        if (line != null && line != first) {
            into.put(path, line);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collectLines(f.getValue(), path + "." + f.getKey(), lines, first, into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectLines(node.get(i), path + "[" + i + "]", lines, first, into);
            }
        }
    }

    /** A case read back from its line ({@link #record}). */
    private Entry entry(String text) throws IOException {
        int afterNumber = text.indexOf('\t');
        int afterFirst = text.indexOf('\t', afterNumber + 1);
        int afterLines = text.indexOf('\t', afterFirst + 1);
        if (afterNumber < 0 || afterFirst < 0 || afterLines < 0) {
            throw new IOException("a temporary file of the sort is damaged: " + runs);
        }
        int number = Integer.parseInt(text, 0, afterNumber, 10);
        int first = Integer.parseInt(text, afterNumber + 1, afterFirst, 10);
        Case aCase = caseReader.readValue(text.substring(afterLines + 1));
        if (afterLines == afterFirst + 1) {
            return new Entry(number, new Input.Read(aCase, first == 0 ? path -> null : Input.Lines.onLine(first)));
        }
        Map<String, Integer> lines = new HashMap<>();
        mapper.readTree(text.substring(afterFirst + 1, afterLines)).fields()
                .forEachRemaining(f -> lines.put(f.getKey(), f.getValue().asInt()));
        return new Entry(number, new Input.Read(aCase, Input.Lines.of(lines, first)));
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        for (BufferedReader in : open) {
            in.close();
        }
        for (Path file : runs) {
            Files.deleteIfExists(file);
        }
    }

    /** One sorted run being merged: its next case. */
    private abstract static class Run {
        Entry head;

        /** Moves {@link #head} to the next case; false (and null) at the end. */
        abstract boolean advance();
    }

    /** A run read back from its file. */
    private final class FileRun extends Run {
        private final BufferedReader in;

        FileRun(BufferedReader in) {
            this.in = in;
        }

        @Override
        boolean advance() {
            try {
                String line = in.readLine();
                head = line == null ? null : entry(line);
                return head != null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The last run, never written out. */
    private static final class MemoryRun extends Run {
        private final Iterator<Entry> entries;

        MemoryRun(Iterator<Entry> entries) {
            this.entries = entries;
        }

        @Override
        boolean advance() {
            head = entries.hasNext() ? entries.next() : null;
            return head != null;
        }
    }
}
