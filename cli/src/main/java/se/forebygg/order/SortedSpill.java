package se.forebygg.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final int runSize;
    private final List<Entry> run = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<BufferedReader> open = new ArrayList<>();
    private int added;

    /** Holds cases for {@code order}, at most {@code runSize} of them in memory. */
    public SortedSpill(Comparator<Case> order, ObjectMapper mapper, int runSize) {
        this.order = order;
        this.mapper = mapper;
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

    /** Adds a case; once {@code runSize} are held they go to a file. */
    public void add(Input.Read input) throws IOException {
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

    /** Every case added, in {@code order} (cases equal in it by number); call once, after the last add. */
    public Iterator<Entry> sorted() throws IOException {
        run.sort(byOrder());
        if (runs.isEmpty()) {
            return List.copyOf(run).iterator();
        }
        if (!run.isEmpty()) {
            spill();
        }
        List<Run> readers = new ArrayList<>();
        for (Path file : runs) {
            BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            open.add(in);
            readers.add(new Run(in));
        }
        PriorityQueue<Run> heads = new PriorityQueue<>(Comparator.comparing((Run r) -> r.head, byOrder()));
        for (Run r : readers) {
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

    /** Sorts the run in memory and writes it to a file of its own, one case a line. */
    private void spill() throws IOException {
        run.sort(byOrder());
        Path file = Files.createTempFile("forebygg-sort", ".jsonl");
        runs.add(file);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Entry e : run) {
                out.write(mapper.writeValueAsString(record(e)));
                out.newLine();
            }
        }
        run.clear();
    }

    /** A case as a line: its number, its first line, the lines of its values that are not on the first, the case. */
    private ObjectNode record(Entry e) {
        JsonNode tree = mapper.valueToTree(e.input().aCase());
        int first = e.input().line();
        ObjectNode lines = mapper.createObjectNode();
        collectLines(tree, "$", e.input().lines(), first, lines);
        ObjectNode record = mapper.createObjectNode();
        record.put("n", e.number());
        record.put("line", first);
        if (!lines.isEmpty()) {
            record.set("lines", lines);
        }
        record.set("case", tree);
        return record;
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

    /** A case read back from its line. */
    private Entry entry(String text) throws IOException {
        JsonNode record = mapper.readTree(text);
        Case aCase = mapper.treeToValue(record.get("case"), Case.class);
        int first = record.get("line").asInt();
        Map<String, Integer> lines = new HashMap<>();
        if (record.has("lines")) {
            record.get("lines").fields().forEachRemaining(f -> lines.put(f.getKey(), f.getValue().asInt()));
        }
        Input.Lines where = lines.isEmpty() ? path -> first : path -> {
            // As the reader does: the line of the value, or of its nearest enclosing value that has one.
            for (String p = path; ; ) {
                Integer line = lines.get(p);
                if (line != null) {
                    return line;
                }
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                if (cut <= 0) {
                    return first;
                }
                p = p.substring(0, cut);
            }
        };
        return new Entry(record.get("n").asInt(), new Input.Read(aCase, where));
    }

    @Override
    public void close() throws IOException {
        for (BufferedReader in : open) {
            in.close();
        }
        for (Path file : runs) {
            Files.deleteIfExists(file);
        }
    }

    /** One run file being merged: its next case. */
    private final class Run {
        private final BufferedReader in;
        Entry head;

        Run(BufferedReader in) {
            this.in = in;
        }

        boolean advance() {
            try {
                String line = in.readLine();
                if (line == null) {
                    head = null;
                    return false;
                }
                head = entry(line);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
