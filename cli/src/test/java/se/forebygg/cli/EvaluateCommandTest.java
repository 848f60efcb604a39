package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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

/** The evaluate command end to end, as a shell user runs it. */
class EvaluateCommandTest {
    static final Path DEMO = Path.of("../examples/data/demo-cases.jsonl");
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int status, List<String> lines, String err) {
    }

    static Run run(InputStream stdin, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            if (stdin != null) {
                System.setIn(stdin);
            }
            int status = Main.run(args);
            String text = bytes.toString(StandardCharsets.UTF_8);
            return new Run(status, text.isEmpty() ? List.of() : List.of(text.split("\n")),
                    errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }

    @Test
    void theDemoFileIsDecidedLineByLineInInputOrder() throws Exception {
        List<String> input = Files.readAllLines(DEMO).stream().filter(l -> !l.isBlank()).toList();
        Run run = run(null, "evaluate", DEMO.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(input.size(), run.lines().size());
        for (int i = 0; i < input.size(); i++) {
            JsonNode decision = JSON.readTree(run.lines().get(i));
            assertEquals(JSON.readTree(input.get(i)).get("caseId").asText(), decision.get("caseId").asText());
            assertTrue(decision.has("outcome"), run.lines().get(i));
        }
    }

    @Test
    void badLinesGiveErrorObjectsInPlaceAndExitTwo(@TempDir Path dir) throws Exception {
        List<String> demo = Files.readAllLines(DEMO).stream().filter(l -> !l.isBlank()).toList();
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, List.of(
                demo.get(0),
                "{\"type\": \"provider-approval\", \"caseId\": \"broken\"",
                demo.get(1).replace("\"psb-0002\"", "\"neg\"").replace("\"travelMinutes\":40", "\"travelMinutes\":-40"),
                demo.get(2).replace("\"psb-0003\"", "\"late\"").replace("2025-04-07", "2031-04-07"),
                demo.get(2)));
        Run run = run(null, "evaluate", file.toString());
        assertEquals(2, run.status(), run.err());
        assertEquals(5, run.lines().size());
        assertEquals("psb-0001", JSON.readTree(run.lines().get(0)).get("caseId").asText());
        JsonNode broken = JSON.readTree(run.lines().get(1)).get("error");
        assertEquals(2, broken.get("line").asInt());
        JsonNode negative = JSON.readTree(run.lines().get(2));
        assertEquals("neg", negative.get("caseId").asText());
        assertEquals("$.claim.days[0].travelMinutes", negative.get("error").get("path").asText());
        assertEquals(3, negative.get("error").get("line").asInt());
        JsonNode outOfTable = JSON.readTree(run.lines().get(3));
        assertEquals("$.claim.days[0].date", outOfTable.get("error").get("path").asText());
        assertEquals(4, outOfTable.get("error").get("line").asInt());
        assertEquals("APPROVED", JSON.readTree(run.lines().get(4)).get("outcome").asText());
    }

    @Test
    void standardInputIsReadWithDash() throws Exception {
        String one = Files.readAllLines(DEMO).get(0);
        Run run = run(new ByteArrayInputStream(one.getBytes(StandardCharsets.UTF_8)), "evaluate", "-");
        assertEquals(0, run.status(), run.err());
        assertEquals(1, run.lines().size());
    }

    @Test
    void aMissingFileIsAUsageErrorThatSaysSo() {
        Run run = run(null, "evaluate", "no/such/file.jsonl");
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("no such file"), run.err());
    }

    /** ARS-9: measures of 2025 and 2026 in one application. */
    private static final String MIXED_YEARS = "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"ars-0009\",\"employerId\":\"556000-0076\",\"employeeId\":\"19600104-1000\",\"employeeCondition\":\"REDUCED_WORK_CAPACITY\",\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},\"measures\":[{\"kind\":\"INVESTIGATE\",\"performedOn\":\"2025-12-15\",\"amountPaid\":4000},{\"kind\":\"IMPLEMENT\",\"performedOn\":\"2026-01-12\",\"amountPaid\":3000}],\"submittedOn\":\"2026-01-20\"}";

    @Test
    void theOrderOfTheInputLinesNeverChangesADecision(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(DEMO);
        Map<String, String> inOrder = byCaseId(evaluate(dir, lines));
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(20250201));
        assertEquals(inOrder, byCaseId(evaluate(dir, shuffled)));
        assertTrue(inOrder.get("ars-0006").contains("ARS_EMPLOYER_CAP_EXHAUSTED"), inOrder.get("ars-0006"));
        assertTrue(inOrder.get("ars-0002").contains("ARS_EMPLOYEE_CAP_APPLIED"), inOrder.get("ars-0002"));
    }

    @Test
    void aMixedYearApplicationKeepsItsPlaceAmongTheGrants(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(DEMO));
        lines.add(3, MIXED_YEARS);
        List<String> out = evaluate(dir, lines);
        assertEquals(lines.size(), out.size());
        assertTrue(out.get(3).contains("\"line\":4,\"path\":\"$.measures[1].performedOn\""), out.get(3));
        for (int i = 0; i < lines.size(); i++) {
            String id = lines.get(i).replaceAll(".*?\"caseId\":\"([^\"]+)\".*", "$1");
            assertTrue(out.get(i).startsWith("{\"caseId\":\"" + id + "\""), out.get(i));
        }
    }

    private static List<String> evaluate(Path dir, List<String> lines) throws Exception {
        Path file = dir.resolve("cases-" + System.nanoTime() + ".jsonl");
        Files.write(file, lines);
        return run(null, "evaluate", file.toString()).lines();
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
