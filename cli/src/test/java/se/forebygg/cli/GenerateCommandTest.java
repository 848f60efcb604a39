package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.Input;
import se.forebygg.json.CaseReader;

/** forebygg generate: reproducible, contract-shaped, realistic. */
class GenerateCommandTest {
    static final String[] ARGS = {"generate", "--seed", "42", "--grants", "600", "--preventive", "400", "--providers", "12"};

    static String generate(String... args) {
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, args);
        assertEquals(0, run.status(), run.err());
        return String.join("\n", run.lines()) + "\n";
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        String first = generate(ARGS);
        assertEquals(first, generate(ARGS));
        String[] other = ARGS.clone();
        other[2] = "43";
        assertNotEquals(first, generate(other));
    }

    @Test
    void everyLineParsesWithTheCaseReader() throws Exception {
        String text = generate(ARGS);
        int cases = 0;
        try (CaseReader reader = CaseReader.open(new StringReader(text))) {
            while (reader.hasNext()) {
                Input entry = reader.next();
                assertTrue(entry instanceof Input.Read, () -> "generated bad input: " + entry);
                cases++;
            }
        }
        assertEquals(12 + 600 + 400, cases);
    }

    @Test
    void theDataHasTheShapesTheRulesCareAbout() throws Exception {
        List<String> lines = List.of(generate(ARGS).split("\n"));
        assertEquals(12 + 600 + 400, lines.size());
        Map<String, Integer> perEmployer = new HashMap<>();
        Map<String, Integer> perEmployee = new HashMap<>();
        int late = 0;
        int treatment = 0;
        int steps = 0;
        int aboveCeiling = 0;
        for (String line : lines) {
            JsonNode c = EvaluateCommandTest.JSON.readTree(line);
            switch (c.get("type").asText()) {
                case "workplace-rehabilitation-grant" -> {
                    perEmployer.merge(c.get("employerId").asText(), 1, Integer::sum);
                    perEmployee.merge(c.get("employerId").asText() + c.get("employeeId").asText(), 1, Integer::sum);
                    late += c.get("submittedOn").asText().compareTo("2026-02-01") > 0 ? 1 : 0;
                    treatment += line.contains("\"TREATMENT\"") ? 1 : 0;
                    for (JsonNode m : c.get("measures")) {
                        assertTrue(m.get("performedOn").asText().startsWith("2025-"), line);
                    }
                }
                case "preventive-sickness-benefit" -> {
                    steps += c.get("step").asText().equals("COMPENSATION") ? 1 : 0;
                    aboveCeiling += c.get("insured").get("annualIncome").asLong() > 588_000 ? 1 : 0;
                }
                default -> assertEquals("provider-approval", c.get("type").asText());
            }
        }
        assertTrue(late > 10 && late < 100, "late applications: " + late);
        assertTrue(treatment > 5, "applications with treatment lines: " + treatment);
        assertTrue(perEmployee.values().stream().anyMatch(n -> n > 1), "some employee applies twice");
        assertTrue(perEmployer.values().stream().anyMatch(n -> n >= 25), "some employer applies often enough to reach the cap");
        assertTrue(perEmployer.values().stream().filter(n -> n == 1).count() > 5, "many small employers");
        assertTrue(steps > 150 && steps < 400, "both PSB steps: " + steps);
        assertTrue(aboveCeiling > 0, "some incomes above the SGI ceiling");
    }

    @Test
    void aYearOutsideTheParameterTableIsRefused() {
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "generate", "--seed", "1", "--year", "2031");
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("--year must lie in"), run.err());
    }
}
