package se.forebygg.engine;

import se.forebygg.Forebygg;

import se.forebygg.scenario.ShippedScenariosTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import se.forebygg.explain.Explanation;
import se.forebygg.json.CaseReader;
import se.forebygg.scenario.ScenarioFiles;
import se.forebygg.scenario.ScenarioResult;
import se.forebygg.scenario.ScenarioRunner;
import se.forebygg.testkit.CaseArbitraries;

/**
 * Contract version 2: {@code messageSv} and the Swedish explanation write numbers the Swedish way
 * (decimal comma, space between thousands); the English text keeps plain numbers. Checked on every
 * shipped scenario, the demo cases and generated cases.
 */
class SwedishMessagesTest {
    private static final Forebygg ENGINE = Forebygg.create();
    private static final Locale SV = Locale.forLanguageTag("sv");

    /** Text that holds digits but is no figure: dates, identity and organisation numbers, ids, SFS numbers. */
    private static final List<Pattern> NOT_FIGURES = List.of(
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b"),                 // 2025-03-10
            Pattern.compile("\\b(?:\\d{6}|\\d{8})[-+]\\d{4}\\b"),          // 556000-0019, 19850101-1234, 850101+1234
            Pattern.compile("\\b\\p{L}[\\p{L}\\d]*(?:[-_][\\p{L}\\d]+)+"), // psb-0001, P-3, 19600118-1004, PSB-10, ARS_EMPLOYEE_CAP
            Pattern.compile("\\b\\d{4}:\\d+\\b"),                          // (2010:110), RiR 2021:19
            Pattern.compile("\\bdnr \\d+-\\d{4}\\b"));                     // FK samråd dnr 51406-2014
    /** A decimal point between digits: 0.25. */
    private static final Pattern DECIMAL_POINT = Pattern.compile("\\d\\.\\d");
    /** Five or more digits in a row: 588000 (years and counts in messages stay below 10 000). */
    private static final Pattern UNGROUPED = Pattern.compile("\\d{5,}");
    /** A kronor amount of four digits in a row: 1256 kr (thousands are grouped from 1 000). */
    private static final Pattern UNGROUPED_KRONOR = Pattern.compile("(?<!\\d)\\d{4}(?:,\\d+)? kr\\b");

    /** What in {@code text} is a number not written the Swedish way; empty when all are. */
    static List<String> unswedishNumbers(String text) {
        String rest = text;
        for (Pattern p : NOT_FIGURES) {
            rest = p.matcher(rest).replaceAll("§");
        }
        List<String> bad = new ArrayList<>();
        for (Pattern p : List.of(DECIMAL_POINT, UNGROUPED, UNGROUPED_KRONOR)) {
            p.matcher(rest).results().forEach(m -> bad.add(m.group()));
        }
        return bad;
    }

    @Example
    void theCheckFindsWhatItShould() {
        assertThat(unswedishNumbers("inkomsten 588000 kr")).containsExactly("588000");
        assertThat(unswedishNumbers("mindre än 0.25 av arbetsdagen")).containsExactly("0.2");
        assertThat(unswedishNumbers("betalt 1256 kr")).containsExactly("1256 kr");
        assertThat(unswedishNumbers("betalt 6250,25 kr")).containsExactly("6250,25 kr");
        assertThat(unswedishNumbers("10000")).containsExactly("10000");
        assertThat(unswedishNumbers("Den 2025-03-10 tog behandlingen 100 av 480 arbetsminuter, mindre än 0,25; för 2025"))
                .isEmpty();
        assertThat(unswedishNumbers("arbetsgivaren 556000-0019 och arbetstagaren 19850101-1234 (850101+1234), ärende ars-000123"))
                .isEmpty();
        assertThat(unswedishNumbers("PSB-7 (25 kap. 5 § socialförsäkringsbalken (2010:110)); RiR 2021:19"))
                .isEmpty();
        assertThat(unswedishNumbers("588 000 kr, 6 250,25 kr, 1 256 kr, -1 000 kr, 0 kr, 10 000, 0,5, 1 250 × 0,75 = 938 kr"))
                .isEmpty();
    }

    @Example
    void everyShippedScenarioAndDemoCaseIsWordedTheSwedishWay() throws IOException {
        List<Decision> decisions = new ArrayList<>();
        for (ScenarioResult r : new ScenarioRunner(ENGINE).runAll(ScenarioFiles.load(List.of(ShippedScenariosTest.SCENARIOS)))) {
            if (r.decision() != null) {
                decisions.add(r.decision());
            }
        }
        try (Reader in = Files.newBufferedReader(Path.of("../examples/data/demo-cases.jsonl"));
             CaseReader cases = CaseReader.open(in)) {
            while (cases.hasNext()) {
                if (cases.next() instanceof Input.Read e) {
                    decisions.add(ENGINE.evaluate(e.aCase()));
                }
            }
        }
        assertThat(decisions).hasSizeGreaterThan(50);
        List<String> swedish = new ArrayList<>();
        for (Decision d : decisions) {
            check(d);
            d.findings().forEach(f -> swedish.add(f.messageSv()));
        }
        // the check is not vacuous: the shipped cases have grouped thousands and decimal commas
        assertThat(swedish).anyMatch(s -> s.matches("(?s).*\\d \\d{3} kr.*"));
        assertThat(swedish).anyMatch(s -> s.matches("(?s).*\\d,\\d.*"));
    }

    @Provide
    Arbitrary<Case> anyCase() {
        return CaseArbitraries.anyCase();
    }

    @Property(tries = 1000)
    void everyGeneratedCaseIsWordedTheSwedishWay(@ForAll("anyCase") Case c) {
        check(ENGINE.evaluate(c));
    }

    private static void check(Decision d) {
        for (Finding f : d.findings()) {
            assertThat(unswedishNumbers(f.messageSv())).as("%s: messageSv %s", d.caseId(), f.messageSv()).isEmpty();
            // English keeps plain numbers: no decimal comma, no grouping
            assertThat(f.message()).as("%s: message", d.caseId()).doesNotContainPattern("\\d,\\d").doesNotContainPattern("\\d \\d{3}\\b");
        }
        String text = Explanation.of(d, SV);
        for (Finding f : d.findings()) {
            text = text.replace(f.legalReference(), "§");
        }
        text = text.replace(d.caseId(), "§");
        assertThat(unswedishNumbers(text)).as("%s: Swedish explanation%n%s", d.caseId(), text).isEmpty();
    }
}
