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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate command end to end, as a shell user runs it. */
class EvaluateCommandTest {
    static final Path DEMO = Path.of("data/demo-cases.jsonl");
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
    void aMissingFileIsAFailureThatSaysSo() {
        Run run = run(null, "evaluate", "no/such/file.jsonl");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("no such file"), run.err());
    }
}
