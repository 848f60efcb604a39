package se.forebygg.authoring;

import se.forebygg.scenario.ShippedScenariosTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.engine.Forebygg;
import se.forebygg.scenario.ScenarioFiles;
import se.forebygg.scenario.ScenarioResult;
import se.forebygg.scenario.ScenarioRunner;

class RuleFolderTest {
    private static final Path SHIPPED = Path.of("src/main/resources");
    private static final ClassLoader LOADER = RuleFolderTest.class.getClassLoader();

    @Test
    void shippedRulesCompileFromTheirFolderWithoutAnyWarning() {
        List<Diagnostic> problems = RuleFolder.of(SHIPPED).check(LOADER);
        assertEquals(List.of(), problems.stream().map(Diagnostic::toString).toList());
    }

    @Test
    void anEngineBuiltFromTheFolderPassesEveryShippedScenario() {
        Forebygg engine = Forebygg.builder().rulesDirectory(SHIPPED).build();
        assertTrue(engine.rulesVersion().startsWith("local-"), engine.rulesVersion());
        assertEquals(Forebygg.create().rules(), engine.rules());
        List<String> failures = new ScenarioRunner(engine)
                .runAll(ScenarioFiles.load(List.of(ShippedScenariosTest.SCENARIOS))).stream()
                .filter(r -> !r.passed()).flatMap(r -> r.failureLines().stream()).toList();
        assertEquals(List.of(), failures);
    }

    @Test
    void aCompileErrorNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path drl = dir.resolve("broken.drl");
        Files.writeString(drl, """
                package se.forebygg.rules.preventive;
                import se.forebygg.preventive.PreventiveCase;

                rule "broken"
                    @ruleId("PSB-1") @legalReference("x")
                when
                    $c : PreventiveCase( noSuchField == true )
                then
                end
                """);
        RulesCompilationException e = assertThrows(RulesCompilationException.class,
                () -> Forebygg.builder().rulesDirectory(dir).build());
        Diagnostic first = e.diagnostics().get(0);
        assertTrue(first.isError());
        assertEquals(drl, first.file());
        assertEquals(7, first.line(), first.toString());
        assertTrue(first.toString().startsWith(drl + ":7:26: error: "), first.toString());
    }

    @Test
    void lintWarnsOfMissingMetadataAndLawNumbersButNotOfCommentsOrStrings(@TempDir Path dir) throws IOException {
        Path drl = dir.resolve("lint.drl");
        Files.writeString(drl, """
                package se.forebygg.rules.preventive;
                import se.forebygg.preventive.PreventiveCase;
                // 0.25 in a comment is fine
                /* so is 543 */
                rule "PSB-6 risk 0.25"
                    @ruleId("PSB-6")
                when
                    $c : PreventiveCase( risk.expectedWorkCapacityReduction < 0.25, plan.sessions > 1 )
                then
                end
                """);
        List<String> warnings = RuleFolder.of(dir).lint().stream().map(Diagnostic::toString).toList();
        assertEquals(List.of(
                drl + ":5:6: warning: rule \"PSB-6 risk 0.25\" has no @legalReference metadata (every rule names its rulebook id and legal reference)",
                drl + ":8:63: warning: numeric literal 0.25 in a rule: law numbers belong in the parameter file"),
                warnings);
        assertFalse(RuleFolder.of(dir).compile(LOADER).diagnostics().stream().anyMatch(Diagnostic::isError));
    }
}
