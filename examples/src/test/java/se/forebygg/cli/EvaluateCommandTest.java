package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate command over the demo data: grants decided together, whatever the line order. */
class EvaluateCommandTest {

    /** ARS-9: measures of 2025 and 2026 in one application. */
    private static final String BAD_LINE = "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"ars-0009\",\"employerId\":\"556000-0007\",\"employeeId\":\"E-3\",\"employeeCondition\":\"REDUCED_WORK_CAPACITY\",\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},\"measures\":[{\"kind\":\"INVESTIGATE\",\"performedOn\":\"2025-12-15\",\"amountPaid\":4000},{\"kind\":\"IMPLEMENT\",\"performedOn\":\"2026-01-12\",\"amountPaid\":3000}],\"submittedOn\":\"2026-01-20\"}";

    @TempDir
    Path dir;

    @Test
    void the_order_of_the_input_lines_never_changes_a_decision() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("data/demo-cases.jsonl"));
        Map<String, String> inOrder = byCaseId(evaluate(lines));
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(20250201));
        assertEquals(inOrder, byCaseId(evaluate(shuffled)));
        assertTrue(inOrder.get("ars-0006").contains("ARS_EMPLOYER_CAP_EXHAUSTED"), inOrder.get("ars-0006"));
        assertTrue(inOrder.get("ars-0002").contains("ARS_EMPLOYEE_CAP_APPLIED"), inOrder.get("ars-0002"));
    }

    @Test
    void results_come_out_in_input_order_and_bad_entries_keep_their_place() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("data/demo-cases.jsonl")));
        lines.add(3, BAD_LINE);
        List<String> out = evaluate(lines);
        assertEquals(lines.size(), out.size());
        assertTrue(out.get(3).contains("\"line\":4,\"path\":\"$.measures[1].performedOn\""), out.get(3));
        for (int i = 0; i < lines.size(); i++) {
            String id = lines.get(i).replaceAll(".*?\"caseId\":\"([^\"]+)\".*", "$1");
            assertTrue(out.get(i).startsWith("{\"caseId\":\"" + id + "\""), out.get(i));
        }
    }

    private List<String> evaluate(List<String> lines) throws Exception {
        Path file = dir.resolve("cases-" + System.nanoTime() + ".jsonl");
        Files.write(file, lines);
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Main.run("evaluate", file.toString());
        } finally {
            System.setOut(saved);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Map<String, String> byCaseId(List<String> results) {
        Map<String, String> map = new TreeMap<>();
        for (String r : results) {
            // An error names its input line, which moves with the shuffle; everything else must not.
            map.put(r.replaceAll("^\\{\"caseId\":\"([^\"]+)\".*", "$1"), r.replaceAll("\"line\":\\d+,", ""));
        }
        return map;
    }
}
