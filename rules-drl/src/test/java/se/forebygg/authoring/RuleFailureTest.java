package se.forebygg.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.engine.UndecidedCaseException;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.preventive.PreventiveCase;

/** A rule author's mistake is reported at the DRL (file, rule, line), not in the Java generated from it. */
class RuleFailureTest {
    private static final String BROKEN_CONSEQUENCE = """
            package se.forebygg.rules.preventive;
            import se.forebygg.preventive.PreventiveCase;

            // a rule whose consequence throws at run time
            rule "PSB-99 divides by zero"
                @ruleId("PSB-99") @legalReference("none")
            when
                $c : PreventiveCase()
            then
                int none = $c.caseId().length() - $c.caseId().length();
                System.out.println(100 / none);
            end
            """;

    private static List<Case> preventiveDemoCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(Path.of("../examples/data/demo-cases.jsonl"));
             CaseReader reader = CaseReader.open(in)) {
            reader.forEachRemaining(e -> {
                if (e instanceof Input.Read read && read.aCase() instanceof PreventiveCase) {
                    cases.add(read.aCase());
                }
            });
        }
        assertTrue(cases.size() >= 2);
        return cases;
    }

    @Test
    void aConsequenceThatThrowsNamesTheRuleItsFileAndLine(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("preventive"));
        Files.writeString(dir.resolve("preventive/broken.drl"), BROKEN_CONSEQUENCE);
        Forebygg engine = Forebygg.builder().rulesDirectory(dir).build();
        List<Case> cases = preventiveDemoCases();

        UndecidedCaseException e = assertThrows(UndecidedCaseException.class, () -> engine.evaluate(cases.get(0)));
        assertEquals(UndecidedCaseException.Cause.RULES, e.failure());
        assertEquals("PSB-99 divides by zero", e.rule());
        assertEquals("rule \"PSB-99 divides by zero\" (preventive/broken.drl:5) failed: / by zero", e.reason());
        assertTrue(e.getCause() instanceof ArithmeticException, String.valueOf(e.getCause()));

        // In a batch every case fails alone, and says so; nothing is decided.
        List<Result> results = engine.decideAll(Input.all(cases), new InMemoryGrantLedger());
        assertEquals(cases.size(), results.size());
        for (Result r : results) {
            Result.Refused refused = assertInstanceOf(Result.Refused.class, r);
            assertEquals(Result.Cause.RULES, refused.cause());
            assertEquals("rule \"PSB-99 divides by zero\" (preventive/broken.drl:5) failed: / by zero", refused.message());
        }
    }

    @Test
    void theShippedRulesAreFoundInTheirDrlOnTheClassPath() throws IOException {
        RuleFolder shipped = RuleFolder.onClassPath(getClass().getClassLoader(),
                List.of("se.forebygg.rules.preventive", "se.forebygg.rules.provider", "se.forebygg.rules.grant"));
        List<String> lines = Files.readAllLines(Path.of("src/main/resources/se/forebygg/rules/grant/caps.drl"));
        int declared = 0;
        String name = null;
        for (int i = 0; i < lines.size() && name == null; i++) {
            if (lines.get(i).startsWith("rule \"")) {
                declared = i + 1;
                name = lines.get(i).substring(6, lines.get(i).indexOf('"', 6));
            }
        }
        assertEquals("grant/caps.drl:" + declared, shipped.where("se.forebygg.rules.grant", name).orElseThrow());
        assertTrue(shipped.where("se.forebygg.rules.preventive", name).isEmpty(), "the package is part of the key");
        for (var rule : Forebygg.create().rules()) {
            assertTrue(shipped.where(rule.packageName(), rule.name()).isPresent(), rule.toString());
        }
    }

    @Test
    void aJavaErrorInAConsequenceIsReportedAtTheDrl(@TempDir Path dir) throws IOException {
        Path drl = dir.resolve("unknown-method.drl");
        Files.writeString(drl, """
                package se.forebygg.rules.preventive;
                import se.forebygg.preventive.PreventiveCase;

                rule "PSB-98 calls what does not exist"
                    @ruleId("PSB-98") @legalReference("none")
                when
                    $c : PreventiveCase()
                then
                    $c.noSuchMethod();
                end
                """);
        List<Diagnostic> errors = RuleFolder.of(dir).check(getClass().getClassLoader()).stream()
                .filter(Diagnostic::isError).toList();
        assertFalse(errors.isEmpty());
        Diagnostic first = errors.get(0);
        assertEquals(drl, first.file(), errors.toString());
        assertTrue(first.line() >= 4 && first.line() <= 9, first.toString());
        assertTrue(first.message().contains("PSB-98 calls what does not exist"), first.toString());
        assertFalse(first.message().contains(".java"), first.toString());
    }
}
