package se.forebygg.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.forebygg.Forebygg;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Input;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.ReasonCode;
import se.forebygg.json.CaseReader;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.parameters.Parameters;
import se.forebygg.testkit.CaseGenerator;

/** The what-if report's figures: they add up, ties are grouped exactly, every change says what changed. */
class SimulationReportTest {
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final Locale SV = Locale.forLanguageTag("sv");
    private static String cases;
    private static Forebygg baseline;
    private static Forebygg whatIf;
    private static Simulation.Result result;
    private static Provenance provenance;

    @BeforeAll
    static void simulate() throws IOException {
        StringWriter out = new StringWriter();
        new CaseGenerator(5, 2025, 20).write(out, 300, 600);
        cases = out.toString();
        Parameters shipped = Parameters.standard();
        Parameters changed = shipped.withValue("grantCapPerEmployee", "15000", FROM).withValue("sicknessBenefitRate", "0.9", FROM);
        baseline = Forebygg.builder().parameters(shipped).build();
        whatIf = Forebygg.builder().parameters(changed).build();
        // a small chunk, so that the totals are added up over many chunks
        result = new Simulation(baseline, whatIf, 97, 5).run(CaseReader.open(new StringReader(cases)));
        provenance = new Provenance("cases.jsonl", "ab".repeat(32), baseline.rulesVersion(), whatIf.rulesVersion(), List.of(),
                List.of(new Provenance.ParameterChange("grantCapPerEmployee", changed.value("grantCapPerEmployee", FROM), FROM,
                                shipped.value("grantCapPerEmployee", FROM)),
                        new Provenance.ParameterChange("sicknessBenefitRate", changed.value("sicknessBenefitRate", FROM), FROM,
                                shipped.value("sicknessBenefitRate", FROM))),
                Instant.parse("2026-11-26T10:15:30.123Z"));
    }

    @Test
    void theAmountsByMainReasonCodeAddUpToAllThatWasPaidAndTheirDecisionsToAllDecisions() {
        assertEquals(920, result.decided());
        for (Tally t : List.of(result.baseline(), result.whatIf())) {
            BigDecimal byCode = t.withoutFindings().amount();
            long decisions = t.withoutFindings().decisions();
            for (Tally.Sum s : t.byMainCode().values()) {
                byCode = byCode.add(s.amount());
                decisions += s.decisions();
            }
            BigDecimal byType = t.byType().values().stream().map(Tally.Sum::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, byCode.compareTo(t.all().amount()), "per main code " + byCode + ", paid " + t.all().amount());
            assertEquals(0, byType.compareTo(t.all().amount()));
            assertEquals(result.decided(), decisions);
            assertEquals(result.decided(), t.all().decisions());
            // and the codes carried do not add up (a decision carries several): the reason for the first table
            long carried = t.carrying().values().stream().mapToLong(Tally.Sum::decisions).sum();
            assertTrue(carried > decisions - t.withoutFindings().decisions(), "decisions carry several codes");
        }
        assertNotEquals(0, result.baseline().all().amount().compareTo(result.whatIf().all().amount()));
    }

    @Test
    void theTotalRowOfTheMainCodeTableIsTheTotalPaid() {
        Report report = new Report(result, provenance, Locale.ENGLISH);
        Report.Table byCode = table(report, "Decisions and amounts by main reason code");
        Report.Table paid = table(report, "Paid per benefit");
        assertEquals(paid.total().subList(1, 4), byCode.total().subList(4, 7));
        assertEquals(report.labels.count(result.decided()), byCode.total().get(1));
        BigDecimal sum = byCode.rows().stream().map(row -> new BigDecimal(row.get(4).replace(",", "")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal(byCode.total().get(4).replace(",", "")), sum);
    }

    @Test
    void winnersAreGroupedByTheirGainAndEveryGroupCountsAllItsDecisions() throws IOException {
        // every decision's change, decided in one batch per scenario (the caps see every earlier application, as in the simulation)
        List<Input> inputs = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new StringReader(cases))) {
            reader.forEachRemaining(inputs::add);
        }
        List<Decision> before = baseline.decideAll(inputs, new InMemoryGrantLedger()).stream().map(r -> r.orThrow()).toList();
        List<Decision> after = whatIf.decideAll(inputs, new InMemoryGrantLedger()).stream().map(r -> r.orThrow()).toList();
        TreeMap<BigDecimal, Long> gains = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (int i = 0; i < before.size(); i++) {
            BigDecimal delta = after.get(i).amount().subtract(before.get(i).amount());
            if (delta.signum() > 0) {
                gains.merge(delta.stripTrailingZeros(), 1L, Long::sum);
            }
        }
        List<TopDeltas.Group> winners = result.winners();
        assertEquals(Math.min(5, gains.size()), winners.size());
        Set<BigDecimal> seen = new HashSet<>();
        List<Map.Entry<BigDecimal, Long>> expected = new ArrayList<>(gains.entrySet());
        for (int i = 0; i < winners.size(); i++) {
            TopDeltas.Group g = winners.get(i);
            assertTrue(seen.add(g.delta().stripTrailingZeros()), "ties are one group: " + g.delta());
            assertEquals(0, expected.get(i).getKey().compareTo(g.delta()), "group " + i);
            assertEquals(expected.get(i).getValue(), g.decisions(), "decisions gaining " + g.delta());
            assertEquals(Math.min(TopDeltas.EXAMPLES, g.decisions()), g.examples().size());
        }
        assertTrue(winners.stream().anyMatch(g -> g.decisions() > 1), "this input has ties to group");
        assertEquals(gains.values().stream().mapToLong(Long::longValue).sum(), result.gained().decisions());
    }

    /**
     * The caps see every earlier application of their room wherever it stands in the input: shuffled, and in
     * chunks that part each employer's applications, the totals are those of the input as generated.
     */
    @Test
    void theOrderOfTheInputDoesNotChangeWhatIsGranted() throws IOException {
        List<String> lines = new ArrayList<>(cases.lines().filter(l -> !l.isBlank()).toList());
        java.util.Collections.shuffle(lines, new java.util.Random(15));
        Simulation.Result shuffled = new Simulation(baseline, whatIf, 7, 5)
                .run(CaseReader.open(new StringReader(String.join("\n", lines))));
        assertEquals(result.decided(), shuffled.decided());
        for (boolean whatIfScenario : new boolean[] {false, true}) {
            Tally expected = whatIfScenario ? result.whatIf() : result.baseline();
            Tally got = whatIfScenario ? shuffled.whatIf() : shuffled.baseline();
            assertEquals(0, expected.all().amount().compareTo(got.all().amount()), "paid, what-if " + whatIfScenario);
            assertEquals(expected.byType().keySet(), got.byType().keySet());
            expected.byType().forEach((type, sum) -> assertEquals(0, sum.amount().compareTo(got.byType().get(type).amount()),
                    type + ", what-if " + whatIfScenario));
        }
        assertEquals(result.changed(), shuffled.changed());
        assertEquals(result.winners().stream().map(g -> g.delta() + " x" + g.decisions()).toList(),
                shuffled.winners().stream().map(g -> g.delta() + " x" + g.decisions()).toList());
        assertEquals(result.losers().stream().map(g -> g.delta() + " x" + g.decisions()).toList(),
                shuffled.losers().stream().map(g -> g.delta() + " x" + g.decisions()).toList());
    }

    @Test
    void tiesAreShownAsOneLine() {
        String text = text(Locale.ENGLISH);
        assertTrue(Pattern.compile("\\+5,000\\.00 kr each +\\d+ +workplace rehabilitation grant +ars-\\d{7}, ars-\\d{7}, ars-\\d{7} and \\d+ more")
                .matcher(text).find(), text);
    }

    @Test
    void everyChangedDecisionSaysWhatChanged() {
        assertEquals(result.changed(), result.changed(Change.Kind.OUTCOME) + result.changed(Change.Kind.AMOUNT)
                + result.changed(Change.Kind.REASONS));
        List<Change> reasonsOnly = result.examples(Change.Kind.REASONS);
        assertFalse(reasonsOnly.isEmpty(), "this input has decisions whose findings alone changed");
        Report report = new Report(result, provenance, Locale.ENGLISH);
        for (Change c : reasonsOnly) {
            assertEquals(c.baselineOutcome(), c.whatIfOutcome());
            assertEquals(0, c.baselineAmount().compareTo(c.whatIfAmount()));
            assertFalse(c.added().isEmpty() && c.removed().isEmpty() && c.reworded().isEmpty(), c.toString());
            assertTrue(report.what(c).matches("(codes? (added|removed): [A-Z_, ]+(; )?)*(other figures in the findings? [A-Z_, ]+)?"),
                    report.what(c));
        }
        Change onlyReworded = new Change("c", se.forebygg.engine.CaseType.WORKPLACE_REHABILITATION_GRANT, Outcome.REJECTED,
                BigDecimal.ZERO, Outcome.REJECTED, BigDecimal.ZERO, Set.of(), Set.of(), Set.of(ReasonCode.ARS_EMPLOYEE_CAP_EXHAUSTED));
        assertEquals("other figures in the finding ARS_EMPLOYEE_CAP_EXHAUSTED", report.what(onlyReworded));
        assertEquals("andra belopp eller uppgifter i skälet ARS_EMPLOYEE_CAP_EXHAUSTED",
                new Report(result, provenance, SV).what(onlyReworded));
    }

    @Test
    void theProvenanceIsOnTheSummaryAndTheReport() throws IOException {
        StringWriter html = new StringWriter();
        HtmlReport.write(result, provenance, Locale.ENGLISH, html);
        for (String text : List.of(text(Locale.ENGLISH), html.toString())) {
            assertTrue(text.contains("cases.jsonl"), "input");
            assertTrue(text.contains("ab".repeat(32)), "its SHA-256");
            assertTrue(text.contains(baseline.rulesVersion()), "rules version");
            assertTrue(text.contains(whatIf.rulesVersion()), "what-if rules version");
            assertTrue(text.contains("grantCapPerEmployee = 15000 from 2025-01-01 on (baseline on 2025-01-01: 10000)"), text);
            assertTrue(text.contains("sicknessBenefitRate = 0.9 from 2025-01-01 on (baseline on 2025-01-01: 0.8)"), "old value");
            assertTrue(text.contains("2026-11-26T10:15:30Z"), "run date");
        }
        assertTrue(text(SV).contains("grantCapPerEmployee = 15 000 från och med 2025-01-01 (i nuläget den 2025-01-01: 10 000)"));
    }

    @Test
    void noRowIsEmpty() {
        for (Locale locale : List.of(Locale.ENGLISH, SV)) {
            Report report = new Report(result, provenance, locale);
            for (Report.Table t : report.tables) {
                for (List<String> row : t.rows()) {
                    assertFalse(row.subList(1, row.size()).stream().allMatch(cell -> cell.matches("[+-]?0([.,]00)?")),
                            t.title() + ": " + row);
                }
            }
        }
        assertFalse(text(Locale.ENGLISH).contains("provider approval  "), "provider approvals pay nothing: no row of paid");
    }

    @Test
    void inSwedishTheReportIsSwedish() throws IOException {
        String text = text(SV);
        assertTrue(text.startsWith("Konsekvensanalys: grantCapPerEmployee = 15 000, sicknessBenefitRate = 0,9\n"), text);
        assertTrue(text.contains("920 ärenden avgjorda"), text);
        assertTrue(Pattern.compile("Utbetalt totalt: \\d{1,3}( \\d{3})*,\\d\\d kr i nuläget").matcher(text).find(), text);
        assertTrue(text.contains("arbetsplatsinriktat rehabiliteringsstöd: delvis bifall"), text);
        for (String english : List.of("baseline", "what-if", "approved", "PARTIALLY_APPROVED", "decisions", "Total")) {
            assertFalse(text.contains(english), english + " in\n" + text);
        }
        StringWriter html = new StringWriter();
        HtmlReport.write(result, provenance, SV, html);
        assertTrue(html.toString().contains("<html lang=\"sv\">"));
        assertTrue(html.toString().contains("\"baseline\":\"nuläge\""), "the charts' words too");
    }

    private static String text(Locale locale) {
        StringWriter out = new StringWriter();
        TextSummary.print(result, provenance, locale, new PrintWriter(out));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    private static Report.Table table(Report report, String title) {
        return report.tables.stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }
}
