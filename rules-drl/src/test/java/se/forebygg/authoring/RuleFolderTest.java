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
import se.forebygg.Forebygg;
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
    void everyShippedBenefitFolderQuotesItsLawBesideItsRules() {
        for (String benefit : List.of("preventive", "grant", "provider")) {
            Path folder = SHIPPED.resolve("se/forebygg/rules").resolve(benefit);
            assertTrue(Files.isRegularFile(folder.resolve("law.md")), folder + " has no law.md");
        }
        assertEquals(List.of(), RuleFolder.of(SHIPPED).lawCoverage().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void theLawCheckNamesARuleIdTheLawLacksAParagraphNoRuleCitesAndAnIdNoRuleCarries(@TempDir Path dir) throws IOException {
        Path drl = dir.resolve("caps.drl");
        Files.writeString(drl, """
                package se.forebygg.rules.grant;
                import se.forebygg.grant.GrantCase;

                rule "ARS-6 employee cap"
                    @ruleId("ARS-6") @legalReference("7 § förordningen (2014:67)")
                when
                    $c : GrantCase()
                then
                end

                // ARS-9 is only mentioned here, which is enough for the law to name it
                rule "ARS-7 employer cap"
                    @ruleId("ARS-7") @legalReference("7 § förordningen (2014:67)")
                when
                    $c : GrantCase()
                then
                end
                """);
        Path law = dir.resolve("law.md");
        Files.writeString(law, """
                # Grant: the law these rules encode

                ## 7 § förordningen (2014:67)

                > Bidraget lämnas med högst 10 000 kr per arbetstagare och kalenderår.

                Rules: ARS-6, ARS-9, ARS-99

                ## 4 § förordningen (2014:67)

                > Bidrag lämnas i mån av tillgång på medel.

                Rules: none

                > A passage with no rules line.
                """);
        List<String> found = RuleFolder.of(dir).lawCoverage().stream().map(Diagnostic::toString).toList();
        assertEquals(List.of(
                drl + ":13:14: warning: rule id ARS-7 is not in law.md: quote there the passage of law it encodes, with 'Rules: ARS-7' under it",
                law + ":7:1: warning: law.md names ARS-99, which no rule beside it mentions",
                law + ":9:1: warning: no rule cites \"4 § förordningen (2014:67)\": encode it, or say in the rulebook why not",
                law + ":15:1: warning: this passage has no 'Rules:' line"), found);
        assertTrue(RuleFolder.of(dir).check(LOADER).stream().map(Diagnostic::toString).toList().containsAll(found));
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
