package se.forebygg.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.testkit.CaseGenerator;

class SortedSpillTest {
    private static final ObjectMapper JSON = ForebyggJson.newMapper();

    /** Spilled in runs of 3 and merged: the order of a sort in memory, the same cases, every value on its input line. */
    @Test
    void casesComeBackInOrderWithTheirLines() throws Exception {
        StringWriter generated = new StringWriter();
        new CaseGenerator(7, 2025, 1).write(generated, 25, 0);
        ArrayNode array = JSON.createArrayNode();
        generated.toString().lines().skip(1).forEach(line -> {
            try {
                array.add(JSON.readTree(line));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        // Pretty-printed: each value of a case on a line of its own, as lines a reader must keep.
        List<Input.Read> read = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new StringReader(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array)))) {
            reader.forEachRemaining(input -> read.add((Input.Read) input));
        }
        Comparator<se.forebygg.engine.Case> order = Forebygg.create().ledgerOrder();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            expected.add(i);
        }
        expected.sort(Comparator.comparing((Integer i) -> read.get(i).aCase(), order).thenComparing(i -> i));

        try (SortedSpill spill = new SortedSpill(order, JSON, 3)) {
            for (Input.Read input : read) {
                spill.add(input);
            }
            List<Integer> numbers = new ArrayList<>();
            for (Iterator<SortedSpill.Entry> it = spill.sorted(); it.hasNext(); ) {
                SortedSpill.Entry e = it.next();
                numbers.add(e.number());
                Input.Read original = read.get(e.number());
                assertEquals(original.aCase(), e.input().aCase());
                assertSameLines(JSON.valueToTree(original.aCase()), "$", original.lines(), e.input().lines());
            }
            assertEquals(expected, numbers);
        }
    }

    private static void assertSameLines(JsonNode node, String path, Input.Lines expected, Input.Lines actual) {
        assertEquals(expected.lineOf(path), actual.lineOf(path), path);
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> assertSameLines(f.getValue(), path + "." + f.getKey(), expected, actual));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertSameLines(node.get(i), path + "[" + i + "]", expected, actual);
            }
        }
    }
}
