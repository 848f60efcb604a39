package se.forebygg.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    /** A reading thread left behind after a failure cannot add to a closed sort, nor leave a file of it behind. */
    @Test
    void aClosedSortRefusesCases() throws Exception {
        StringWriter generated = new StringWriter();
        new CaseGenerator(3, 2025, 1).write(generated, 1, 0);
        Input.Read one;
        try (CaseReader reader = CaseReader.open(new StringReader(generated.toString()))) {
            one = (Input.Read) reader.next();
        }
        SortedSpill spill = new SortedSpill(Forebygg.create().ledgerOrder(), JSON, 1);
        spill.close();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> spill.add(one));
        assertEquals("the sort of grant applications is closed: no case can be added", refused.getMessage());
        assertEquals(0, spill.size());
    }

    /**
     * JSON Lines, spilled in runs of 4 with a last run of 2 merged from memory: the same cases in order, each
     * still known to stand whole on its own line.
     */
    @Test
    void casesOfJsonLinesComeBackOnTheirLines() throws Exception {
        StringWriter generated = new StringWriter();
        new CaseGenerator(11, 2025, 3).write(generated, 30, 0);
        Forebygg engine = Forebygg.create();
        List<Input.Read> read = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new StringReader(generated.toString()))) {
            reader.forEachRemaining(input -> {
                if (engine.sharesLedger(((Input.Read) input).aCase())) {
                    read.add((Input.Read) input); // the 30 grant applications, not the 3 provider approvals
                }
            });
        }
        Comparator<se.forebygg.engine.Case> order = engine.ledgerOrder();
        try (SortedSpill spill = new SortedSpill(order, JSON, 4)) {
            for (Input.Read input : read) {
                spill.add(input);
            }
            List<se.forebygg.engine.Case> cases = new ArrayList<>();
            for (Iterator<SortedSpill.Entry> it = spill.sorted(); it.hasNext(); ) {
                SortedSpill.Entry e = it.next();
                Input.Read original = read.get(e.number());
                assertEquals(original.aCase(), e.input().aCase());
                assertEquals(original.lines().onlyLine(), e.input().lines().onlyLine());
                assertEquals(original.line(), e.input().lines().lineOf("$.employer"));
                cases.add(e.input().aCase());
            }
            List<se.forebygg.engine.Case> expected = new ArrayList<>(read.stream().map(Input.Read::aCase).toList());
            expected.sort(order);
            assertEquals(expected, cases);
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
