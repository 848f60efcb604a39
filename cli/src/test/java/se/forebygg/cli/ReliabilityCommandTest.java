package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.ledger.jdbc.JdbcGrantLedger;

/**
 * The reliability review's findings, re-run on the command line as they were found: a ledger run of
 * the README's generated file (30 employers), a second process on an H2 file ledger, and a rule that
 * re-fires forever.
 */
class ReliabilityCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SHIPPED_RULES = Path.of("..", "rules-drl", "src", "main", "resources");

    @Test
    void theReadmesGeneratedFileRunsWholeOnAFileLedger(@TempDir Path dir) throws Exception {
        Path cases = dir.resolve("cases.jsonl");
        EvaluateCommandTest.Run generated = EvaluateCommandTest.run(null, "generate", "--seed", "5", "--grants", "300",
                "--preventive", "3000", "--providers", "30");
        Files.write(cases, generated.lines());
        String ledger = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "evaluate", "--ledger", ledger, cases.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(3_330, run.lines().size());
        // Run again on the same ledger: every grant is given back as recorded, nothing changes.
        EvaluateCommandTest.Run again = EvaluateCommandTest.run(null, "evaluate", "--ledger", ledger, cases.toString());
        assertEquals(run.lines(), again.lines());
    }

    @Test
    void aSecondProcessOnAnH2FileLedgerIsToldAtOnce(@TempDir Path dir) throws Exception {
        Path input = Path.of("../examples/data", "demo-cases.jsonl").toAbsolutePath();
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        try (JdbcGrantLedger open = JdbcGrantLedger.open(url)) {
            Path err = dir.resolve("stderr.txt");
            Process other = ChildJvm.forebygg(dir, "evaluate", "--ledger", url, input.toString())
                    .redirectError(err.toFile()).start();
            String out = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(other.waitFor(60, TimeUnit.SECONDS), "the second process fails at once, it does not wait");
            String message = Files.readString(err);
            assertEquals(ExitCodes.USAGE, other.exitValue(), message);
            assertTrue(message.contains("is open in another process"), message);
            assertTrue(!message.contains("internal failure") && !message.contains("Exception"), message);
            assertEquals("", out);
        }
    }

    @Test
    void aRuleThatReFiresForeverIsFoundByRulesCheckAndFailsOnlyItsCases(@TempDir Path dir) throws Exception {
        Path rules = copyOfTheShippedRules(dir);
        Path drl = rules.resolve("se/forebygg/rules/provider/provider-competences.drl");
        Files.writeString(drl, Files.readString(drl) + """

                rule "PRV-X re-checks the provider forever"
                    @ruleId("PRV-X") @legalReference("none")
                when
                    $c : ProviderApprovalCase()
                then
                    update($c);
                end
                """);
        EvaluateCommandTest.Run check = EvaluateCommandTest.run(null, "rules", "check", rules.toString());
        assertEquals(ExitCodes.INTERNAL_FAILURE, check.status(), String.join("\n", check.lines()));
        String report = String.join("\n", check.lines());
        assertTrue(report.contains("provider-competences.drl:") && report.contains(
                "error: rule \"PRV-X re-checks the provider forever\" leaves ")
                && report.contains("a rule that keeps re-activating itself"), report);

        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "evaluate", "--rules", rules.toString(),
                "../examples/data/demo-cases.jsonl");
        assertEquals(ExitCodes.INTERNAL_FAILURE, run.status(), run.err());
        int looping = 0;
        int decided = 0;
        for (String line : run.lines()) {
            JsonNode result = JSON.readTree(line);
            if (result.has("error")) {
                assertEquals("rules", result.get("error").get("cause").asText(), line);
                assertTrue(result.get("error").get("message").asText().startsWith(
                        "rule 'PRV-X re-checks the provider forever' fired "), line);
                looping++;
            } else {
                assertTrue(!result.get("type").asText().equals("provider-approval"), line);
                decided++;
            }
        }
        assertTrue(looping > 0 && decided > 0, looping + " looping, " + decided + " decided");

        EvaluateCommandTest.Run test = EvaluateCommandTest.run(null, "rules", "test", "--rules", rules.toString(),
                "../rules-drl/src/main/resources/se/forebygg/rules/provider");
        assertEquals(ExitCodes.INTERNAL_FAILURE, test.status());
        assertTrue(String.join("\n", test.lines()).contains("not decided (rules): rule 'PRV-X"), String.join("\n", test.lines()));
    }

    private static Path copyOfTheShippedRules(Path dir) throws IOException {
        Path to = dir.resolve("rules");
        try (var files = Files.walk(SHIPPED_RULES)) {
            for (Path from : files.toList()) {
                Path target = to.resolve(SHIPPED_RULES.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(from, target);
                }
            }
        }
        return to;
    }
}
