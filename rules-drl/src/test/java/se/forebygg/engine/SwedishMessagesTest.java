package se.forebygg.engine;

import se.forebygg.Forebygg;

import se.forebygg.scenario.ShippedScenariosTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import se.forebygg.testkit.CaseGenerator;

/**
 * Contract version 2: {@code messageSv} and the Swedish explanation write numbers the Swedish way
 * (decimal comma, space between thousands); the English text keeps plain numbers. And the Swedish
 * text is Swedish: no word of it is an enum value's name ({@code WELLNESS}, {@code FOLLOW_UP},
 * {@code ARS_TREATMENT_EXCLUDED}) or an English field label ({@code physician}, {@code otherCompetences},
 * {@code true}), and no count has a wrong plural ("1 åtgärder", "day(s)") in either language.
 * Checked on every shipped scenario, the demo cases and generated cases.
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

    /** Field labels that are Swedish words as well ("risk för nedsatt arbetsförmåga"). */
    private static final Set<String> SWEDISH_TOO = Set.of("risk");
    /** The names of every constant of the API's public enums (the packages of rules-core but internal and spi). */
    static final Set<String> ENUM_NAMES = new TreeSet<>();
    /** Those constants themselves. */
    private static final List<Enum<?>> ENUM_CONSTANTS = new ArrayList<>();
    /** The English field labels: every component name of the API's public records, and the words of Java's values. */
    static final Set<String> FIELD_LABELS = new TreeSet<>(Set.of("true", "false", "null"));

    static {
        for (Class<?> type : apiTypes()) {
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    ENUM_NAMES.add(((Enum<?>) constant).name());
                    ENUM_CONSTANTS.add((Enum<?>) constant);
                }
            } else if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    FIELD_LABELS.add(component.getName());
                }
            }
        }
        FIELD_LABELS.removeAll(SWEDISH_TOO);
    }

    /** A word: letters, digits and underscores (so {@code FOLLOW_UP} and {@code otherCompetences} are one each). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    /** A count of one with a plural noun, or a plural left to the reader. */
    private static final Pattern WRONG_PLURAL = Pattern.compile(
            "\\((?:s|n|er|na)\\)|\\b(?:de|the) 1 (?!\\d)|(?<![\\d,])\\b1 (?:åtgärder|dagar|behandlingstillfällen|minuter"
                    + "|kompetenser|measures|days|sessions|minutes|competences)\\b");

    /** The words of {@code swedish} that are an enum value's name or an English field label; empty when none is. */
    static List<String> englishWords(String swedish) {
        List<String> english = new ArrayList<>();
        WORD.matcher(swedish).results().map(MatchResult::group)
                .filter(w -> ENUM_NAMES.contains(w) || FIELD_LABELS.contains(w))
                .forEach(english::add);
        return english;
    }

    /** The wrong plurals in {@code text}, of either language. */
    static List<String> wrongPlurals(String text) {
        return WRONG_PLURAL.matcher(text).results().map(MatchResult::group).toList();
    }

    /** The public enums and records of rules-core's API packages, found in its classes (a folder or a jar). */
    private static List<Class<?>> apiTypes() {
        try {
            Path root = Path.of(Forebygg.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            FileSystem jar = Files.isDirectory(root) ? null : FileSystems.newFileSystem(root);
            try (Stream<Path> files = Files.walk(jar == null ? root.resolve("se/forebygg") : jar.getPath("/se/forebygg"))) {
                Path base = jar == null ? root : jar.getPath("/");
                List<Class<?>> types = new ArrayList<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = base.relativize(file).toString().replace('/', '.').replace(".class", "");
                    if (name.startsWith("se.forebygg.internal.") || name.startsWith("se.forebygg.spi.")) {
                        continue;
                    }
                    Class<?> type = Class.forName(name, false, Forebygg.class.getClassLoader());
                    if (Modifier.isPublic(type.getModifiers()) && (type.isEnum() || type.isRecord())) {
                        types.add(type);
                    }
                }
                return types;
            } finally {
                if (jar != null) {
                    jar.close();
                }
            }
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the API's types", e);
        }
    }

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
    void everyEnumValueOfTheApiHasATermInBothLanguages() throws IOException {
        for (String bundle : List.of("terms", "terms_sv")) {
            Properties terms = new Properties();
            try (Reader in = new java.io.InputStreamReader(Explanation.class.getResourceAsStream(bundle + ".properties"),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                terms.load(in);
            }
            for (Enum<?> value : ENUM_CONSTANTS) {
                String key = value.getDeclaringClass().getSimpleName() + "." + value.name();
                assertThat(terms.getProperty(key)).as("%s in %s.properties", key, bundle).isNotBlank();
            }
        }
        assertThat(ENUM_CONSTANTS).hasSizeGreaterThan(50);
    }

    @Example
    void theEnglishWordsCheckFindsWhatItShould() {
        assertThat(ENUM_NAMES).contains("WELLNESS", "FOLLOW_UP", "NONE", "ARS_TREATMENT_EXCLUDED", "PARTIALLY_APPROVED",
                "PER_APPLICATION", "WORKING_TIME", "PHYSICIAN");
        assertThat(FIELD_LABELS).contains("physician", "otherCompetences", "halfOfCost", "excludedBy", "true");
        assertThat(englishWords("Åtgärden är WELLNESS, tillstånd NONE: INVESTIGATE den 2025-04-02; omfattas inte (ARS_TREATMENT_EXCLUDED)"))
                .containsExactly("WELLNESS", "NONE", "INVESTIGATE", "ARS_TREATMENT_EXCLUDED");
        assertThat(englishWords("physician: true\n  otherCompetences: teknik")).containsExactly("physician", "true", "otherCompetences");
        assertThat(englishWords("Åtgärd 2 (behandling den 2025-03-03, 4 500 kr), PSB-10, ARS-2 (1 § förordningen (2014:67)); SGI"))
                .isEmpty();
        assertThat(wrongPlurals("Ingen av de 1 åtgärderna; 1 behandlingstillfälle(n); None of the 1 measure(s); 1 åtgärder"))
                .hasSize(5);
        assertThat(wrongPlurals("sätts ned till de 1 000 kr; Den enda åtgärden; 2 åtgärder; 1 åtgärd; 1 av 480 minuter; 0,1 dagar; dag 1 i sjukperioden")).isEmpty();
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

    @Example
    void everyCaseOfTheSyntheticDataGeneratorIsWordedTheSwedishWay() throws IOException {
        java.io.StringWriter cases = new java.io.StringWriter();
        new CaseGenerator(11, 2025, 20).write(cases, 200, 600);
        List<Input> inputs = new ArrayList<>();
        try (CaseReader reader = CaseReader.open(new java.io.StringReader(cases.toString()))) {
            reader.forEachRemaining(inputs::add);
        }
        List<Result> results = ENGINE.decideAll(inputs);
        assertThat(results).hasSize(820);
        results.forEach(r -> check(r.orThrow()));
    }

    /**
     * One krona reads as one: at a cap, half the covered cost or the room left being 1 kr is worded without "de 1 kr"
     * or "the 1 kr" (generated cases found "inget av de 1 kr kan beviljas").
     */
    @Example
    void oneKronaAtACapReadsAsOne() throws IOException {
        String grant = """
                {"type":"workplace-rehabilitation-grant","caseId":"ars-%d","employerId":"556000-0019","employeeId":"19600118-1004",
                 "employeeCondition":"REDUCED_WORK_CAPACITY","provider":{"id":"P-3","approvedByAgency":true},
                 "measures":[{"kind":"IMPLEMENT","performedOn":"2025-04-02","amountPaid":%s}],
                 "submittedOn":"2025-09-01","alreadyGranted":{"employee":%s,"employer":%s}}
                """;
        List<String> cases = List.of(
                grant.formatted(1, "2", "10000", "0"), // half the cost 1 kr, the employee's cap used up
                grant.formatted(2, "2000", "9999", "0"), // 1 kr left under the employee's cap
                grant.formatted(3, "2", "0", "200000"), // half the cost 1 kr, the employer's cap used up
                grant.formatted(4, "2000", "0", "199999")); // 1 kr left under the employer's cap
        List<ReasonCode> expected = List.of(ReasonCode.ARS_EMPLOYEE_CAP_EXHAUSTED, ReasonCode.ARS_EMPLOYEE_CAP_APPLIED,
                ReasonCode.ARS_EMPLOYER_CAP_EXHAUSTED, ReasonCode.ARS_EMPLOYER_CAP_APPLIED);
        for (int k = 0; k < cases.size(); k++) {
            Case c;
            try (CaseReader reader = CaseReader.open(new java.io.StringReader(cases.get(k)))) {
                c = ((Input.Read) reader.next()).aCase();
            }
            Decision d = ENGINE.evaluate(c);
            assertThat(d.findings()).extracting(Finding::code).contains(expected.get(k));
            check(d);
        }
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
            assertThat(englishWords(f.messageSv())).as("%s: messageSv %s", d.caseId(), f.messageSv()).isEmpty();
            assertThat(wrongPlurals(f.messageSv())).as("%s: messageSv %s", d.caseId(), f.messageSv()).isEmpty();
            assertThat(wrongPlurals(f.message())).as("%s: message %s", d.caseId(), f.message()).isEmpty();
            assertThat(englishWords(f.message()).stream().filter(ENUM_NAMES::contains))
                    .as("%s: message %s", d.caseId(), f.message()).isEmpty();
            // English keeps plain numbers: no decimal comma, no grouping
            assertThat(f.message()).as("%s: message", d.caseId()).doesNotContainPattern("\\d,\\d").doesNotContainPattern("\\d \\d{3}\\b");
        }
        String text = Explanation.of(d, SV);
        for (Finding f : d.findings()) {
            text = text.replace(f.legalReference(), "§");
        }
        text = text.replace(d.caseId(), "§");
        assertThat(unswedishNumbers(text)).as("%s: Swedish explanation%n%s", d.caseId(), text).isEmpty();
        assertThat(englishWords(text)).as("%s: Swedish explanation%n%s", d.caseId(), text).isEmpty();
        assertThat(wrongPlurals(text)).as("%s: Swedish explanation%n%s", d.caseId(), text).isEmpty();
        assertThat(wrongPlurals(Explanation.of(d, Locale.ENGLISH))).as("%s: English explanation", d.caseId()).isEmpty();
    }
}
