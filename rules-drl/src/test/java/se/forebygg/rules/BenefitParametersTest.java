package se.forebygg.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.parameters.ParameterException;
import se.forebygg.parameters.Parameters;
import se.forebygg.rules.grant.GrantParameters;
import se.forebygg.rules.preventive.PreventiveParameters;
import se.forebygg.rules.provider.ProviderParameters;

/** The shipped parameter files, bound to each benefit's record, and loading files over them. */
class BenefitParametersTest {

    /**
     * Each benefit is registered twice, as the engine's {@code Benefit} and as the {@code ParameterFile}
     * that {@code Parameters} loads (so that parameters need not know the engine's seam): the two lists
     * must name the same case kinds, or a benefit would be decided without its numbers or the reverse.
     */
    @Test
    void everyBenefitIsRegisteredForItsParametersToo() throws java.io.IOException {
        Path services = Path.of("src/main/resources/META-INF/services");
        List<String> benefits = Files.readAllLines(services.resolve("se.forebygg.spi.Benefit")).stream()
                .map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
        List<String> parameterFiles = Files.readAllLines(services.resolve("se.forebygg.parameters.ParameterFile")).stream()
                .map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
        assertEquals(3, benefits.size(), benefits.toString());
        assertEquals(benefits, parameterFiles);
    }
    private final Parameters standard = Parameters.standard();

    @Test
    void priceBaseAmountIsTheCalendarYears() {
        assertEquals(new BigDecimal("48300"), standard.on(PreventiveParameters.class, LocalDate.of(2022, 6, 1)).priceBaseAmount());
        assertEquals(new BigDecimal("58800"), standard.on(PreventiveParameters.class, LocalDate.of(2025, 12, 31)).priceBaseAmount());
        assertEquals(new BigDecimal("59200"), standard.on(PreventiveParameters.class, LocalDate.of(2026, 1, 1)).priceBaseAmount());
        assertEquals(new BigDecimal("44400"), standard.on(PreventiveParameters.class, LocalDate.of(2014, 1, 1)).priceBaseAmount());
    }

    @Test
    void sgiCeilingFactorChangesOnItsOwnDates() {
        assertEquals(0, new BigDecimal("7.5").compareTo(standard.on(PreventiveParameters.class, LocalDate.of(2018, 6, 30)).sgiCeilingFactor()));
        assertEquals(0, new BigDecimal("8.0").compareTo(standard.on(PreventiveParameters.class, LocalDate.of(2018, 7, 1)).sgiCeilingFactor()));
        assertEquals(0, new BigDecimal("8.0").compareTo(standard.on(PreventiveParameters.class, LocalDate.of(2021, 12, 31)).sgiCeilingFactor()));
        assertEquals(0, new BigDecimal("10.0").compareTo(standard.on(PreventiveParameters.class, LocalDate.of(2022, 1, 1)).sgiCeilingFactor()));
    }

    @Test
    void periodsSplitWhereAnyParameterChanges() {
        PreventiveParameters before = standard.on(PreventiveParameters.class, LocalDate.of(2018, 6, 30));
        PreventiveParameters after = standard.on(PreventiveParameters.class, LocalDate.of(2018, 7, 1));
        assertEquals(LocalDate.of(2018, 1, 1), before.from());
        assertEquals(LocalDate.of(2018, 6, 30), before.until());
        assertEquals(LocalDate.of(2018, 7, 1), after.from());
        assertEquals(LocalDate.of(2018, 12, 31), after.until());
    }

    @Test
    void derivedAmountsMatchTheRulebooksWorkedChecks() {
        PreventiveParameters p2022 = standard.on(PreventiveParameters.class, LocalDate.of(2022, 3, 1));
        assertEquals(0, new BigDecimal("483000").compareTo(p2022.sgiCeiling()));
        assertEquals(new BigDecimal("1027"), p2022.fullDailyAmount(new BigDecimal("483000")));
        PreventiveParameters p2025 = standard.on(PreventiveParameters.class, LocalDate.of(2025, 3, 1));
        assertEquals(0, new BigDecimal("588000").compareTo(p2025.sgiCeiling()));
        assertEquals(new BigDecimal("1250"), p2025.fullDailyAmount(new BigDecimal("588000")));
        assertEquals(0, new BigDecimal("14112").compareTo(p2025.sgiFloor()));
    }

    @Test
    void incomeIsRoundedDownToWholeHundreds() {
        PreventiveParameters p = standard.on(PreventiveParameters.class, LocalDate.of(2025, 1, 1));
        assertEquals(0, new BigDecimal("420000").compareTo(p.roundDownIncome(new BigDecimal("420099.99"))));
        assertEquals(0, new BigDecimal("420100").compareTo(p.roundDownIncome(new BigDecimal("420100"))));
    }

    @Test
    void benefitLevelIsTheHighestReachedAndExact() {
        PreventiveParameters p = standard.on(PreventiveParameters.class, LocalDate.of(2025, 1, 1));
        assertEquals(0, BigDecimal.ONE.compareTo(p.benefitLevel(480, 480)));
        assertEquals(0, new BigDecimal("0.75").compareTo(p.benefitLevel(479, 480)));
        assertEquals(0, new BigDecimal("0.75").compareTo(p.benefitLevel(360, 480)));
        assertEquals(0, new BigDecimal("0.5").compareTo(p.benefitLevel(359, 480)));
        assertEquals(0, new BigDecimal("0.25").compareTo(p.benefitLevel(120, 480)));
        assertEquals(0, BigDecimal.ZERO.compareTo(p.benefitLevel(119, 480)));
        assertEquals(0, BigDecimal.ONE.compareTo(p.benefitLevel(600, 480)));
    }

    @Test
    void partialDayRoundsFiftyOreUp() {
        PreventiveParameters p = standard.on(PreventiveParameters.class, LocalDate.of(2025, 1, 1));
        assertEquals(new BigDecimal("447"), p.dayAmount(new BigDecimal("893"), new BigDecimal("0.5")));
        assertEquals(new BigDecimal("223"), p.dayAmount(new BigDecimal("893"), new BigDecimal("0.25")));
        assertEquals(new BigDecimal("938"), p.dayAmount(new BigDecimal("1250"), new BigDecimal("0.75")));
    }

    @Test
    void grantParametersAreRead() {
        GrantParameters p = standard.on(GrantParameters.class, LocalDate.of(2025, 1, 1));
        assertEquals(0, new BigDecimal("10000").compareTo(p.grantCapPerEmployee()));
        assertEquals(0, new BigDecimal("200000").compareTo(p.grantCapPerEmployer()));
        assertEquals(LocalDate.of(2026, 2, 1), p.applicationDeadlineFor(2025));
        assertEquals(MonthDay.of(2, 1), p.applicationDeadline());
        assertEquals(LocalDate.of(2018, 7, 1), p.extendedMeasuresInForce());
    }

    @Test
    void aDateOutsideTheTableIsAnErrorNotAGuess() {
        ParameterException e = assertThrows(ParameterException.class, () -> standard.on(PreventiveParameters.class, LocalDate.of(2031, 5, 1)));
        assertTrue(e.getMessage().contains("2031-05-01"), e.getMessage());
        assertThrows(ParameterException.class, () -> standard.on(PreventiveParameters.class, LocalDate.of(2013, 12, 31)));
    }

    @Test
    void whatIfOverlayChangesOnlyFromItsDate() {
        Parameters changed = standard.withValue("grantCapPerEmployee", "15000", LocalDate.of(2024, 1, 1));
        assertEquals(0, new BigDecimal("10000").compareTo(changed.on(GrantParameters.class, LocalDate.of(2023, 12, 31)).grantCapPerEmployee()));
        assertEquals(0, new BigDecimal("15000").compareTo(changed.on(GrantParameters.class, LocalDate.of(2024, 1, 1)).grantCapPerEmployee()));
        assertEquals(0, new BigDecimal("10000").compareTo(standard.on(GrantParameters.class, LocalDate.of(2024, 1, 1)).grantCapPerEmployee()));
    }

    @Test
    void eachBenefitHasItsOwnPeriods() {
        GrantParameters grant = standard.on(GrantParameters.class, LocalDate.of(2015, 3, 1));
        assertEquals(LocalDate.of(2014, 1, 1), grant.from());      // no grant value changes after its first
        assertEquals(LocalDate.of(2026, 12, 31), grant.until());
        ProviderParameters provider = standard.on(ProviderParameters.class, LocalDate.of(2019, 3, 1));
        assertEquals(3, provider.providerMinimumOtherCompetences());
        assertEquals(LocalDate.of(2026, 12, 31), provider.until());
    }

    @Test
    void aValueIsReadByNameTyped() {
        assertEquals(new BigDecimal("58800"), standard.<BigDecimal>value("priceBaseAmount", LocalDate.of(2025, 6, 1)));
        assertEquals(4, standard.<Integer>value("providerMinimumOtherCompetences", LocalDate.of(2015, 6, 1)));
        assertEquals(MonthDay.of(2, 1), standard.value("applicationDeadline", LocalDate.of(2025, 6, 1)));
        assertEquals(4, standard.<List<BigDecimal>>value("benefitLevels", LocalDate.of(2025, 6, 1)).size());
        assertThrows(ParameterException.class, () -> standard.value("priceBaseAmont", LocalDate.of(2025, 6, 1)));
    }

    @Test
    void theVersionIsTheFilesVersion() {
        assertEquals("2026.2", standard.version());
        assertEquals(LocalDate.of(2014, 1, 1), standard.coverageFrom());
        assertEquals(LocalDate.of(2026, 12, 31), standard.coverageUntil());
    }

    private static String grantFile(String version, String extra) {
        return "version: \"" + version + "\"\ncoverage: {from: 2014-01-01, until: 2026-12-31}\nparameters:\n"
                + "  grantShareOfCost: {values: [{from: 2014-01-01, value: 0.5, reference: x}]}\n"
                + "  grantCapPerEmployee: {values: [{from: 2014-01-01, value: 12000, reference: x}]}\n"
                + "  grantCapPerEmployer: {values: [{from: 2014-01-01, value: 200000, reference: x}]}\n"
                + "  applicationDeadline: {values: [{from: 2014-01-01, value: \"--02-01\", reference: x}]}\n"
                + "  extendedMeasuresInForce: {values: [{from: 2014-01-01, value: 2018-07-01, reference: x}]}\n"
                + "  grantCapPerApplication: {values: [{from: 2014-01-01, value: 7000, reference: x}]}\n"
                + extra;
    }

    private static final String YEARLY_CAPS =
            "  grantYearlyCapsInForce: {values: [{from: 2014-01-01, value: 2018-07-01, reference: x}]}\n";

    @Test
    void aFileReplacesTheTableOfTheBenefitItNames(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mine.yaml"), grantFile("2026.2", YEARLY_CAPS));
        Parameters loaded = Parameters.load(file);
        assertEquals(0, new BigDecimal("12000").compareTo(loaded.on(GrantParameters.class, LocalDate.of(2025, 1, 1)).grantCapPerEmployee()));
        assertEquals(standard.on(PreventiveParameters.class, LocalDate.of(2025, 1, 1)),
                loaded.on(PreventiveParameters.class, LocalDate.of(2025, 1, 1)));
        assertEquals("2026.2", loaded.version());
    }

    @Test
    void aFolderHoldsBenefitFiles(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("grant"));
        Files.writeString(dir.resolve("grant/parameters.yaml"), grantFile("2026.2", YEARLY_CAPS));
        Parameters loaded = Parameters.load(dir);
        assertEquals(0, new BigDecimal("12000").compareTo(loaded.value("grantCapPerEmployee", LocalDate.of(2025, 1, 1))));
        Parameters shipped = Parameters.load(Path.of("src/main/resources/se/forebygg/rules"));
        assertEquals(standard.on(PreventiveParameters.class, LocalDate.of(2025, 1, 1)),
                shipped.on(PreventiveParameters.class, LocalDate.of(2025, 1, 1)));
    }

    @Test
    void aMissingKeyIsAnErrorNamingFileAndKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("grant.yaml"), grantFile("2026.2", ""));
        ParameterException e = assertThrows(ParameterException.class, () -> Parameters.load(file));
        assertTrue(e.getMessage().startsWith(file + ": parameters.grantYearlyCapsInForce is missing"), e.getMessage());
    }

    @Test
    void aKeyNoComponentTakesIsAnErrorNamingFileAndKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("grant.yaml"), grantFile("2026.2", YEARLY_CAPS
                + "  grantCapPerEmploye: {values: [{from: 2014-01-01, value: 1, reference: x}]}\n"));
        ParameterException e = assertThrows(ParameterException.class, () -> Parameters.load(file));
        assertTrue(e.getMessage().startsWith(file + ": parameters.grantCapPerEmploye: unknown parameter"), e.getMessage());
    }

    @Test
    void oneFileForTwoBenefitsIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("all.yaml"), grantFile("2026.2", YEARLY_CAPS
                + "  minimumPlanSessions: {values: [{from: 2014-01-01, value: 2, reference: x}]}\n"));
        ParameterException e = assertThrows(ParameterException.class, () -> Parameters.load(file));
        assertTrue(e.getMessage().contains("names parameters of several benefits"), e.getMessage());
    }

    @Test
    void filesMustCarryTheSameVersion(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("grant.yaml"), grantFile("2027.1", YEARLY_CAPS));
        ParameterException e = assertThrows(ParameterException.class, () -> Parameters.load(file));
        assertTrue(e.getMessage().contains("version '2027.1' differs from version '2026.2'"), e.getMessage());
    }

    @Test
    void aBadValueNamesFileParameterAndDate(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("grant.yaml"), grantFile("2026.2",
                "  grantYearlyCapsInForce: {values: [{from: 2014-01-01, value: soon, reference: x}]}\n"));
        ParameterException e = assertThrows(ParameterException.class, () -> Parameters.load(file));
        assertEquals(file + ": parameters.grantYearlyCapsInForce (value from 2014-01-01): not a date (YYYY-MM-DD): soon",
                e.getMessage());
    }

    /** Every number a rule reads says what it may be, so that a misplaced decimal (a rate of 9) is refused. */
    @Test
    void everyNumericParameterDeclaresItsRange() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper yaml =
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        int numeric = 0;
        for (String benefit : List.of("grant", "preventive", "provider")) {
            String file = "se/forebygg/rules/" + benefit + "/parameters.yaml";
            com.fasterxml.jackson.databind.JsonNode parameters;
            try (var in = getClass().getClassLoader().getResourceAsStream(file)) {
                parameters = yaml.readTree(in).get("parameters");
            }
            for (var it = parameters.fields(); it.hasNext(); ) {
                var entry = it.next();
                com.fasterxml.jackson.databind.JsonNode value = entry.getValue().at("/values/0/value");
                if (value.isNumber() || (value.isArray() && value.get(0).isNumber())) {
                    numeric++;
                    assertTrue(entry.getValue().has("range"), file + ": " + entry.getKey() + " has no range");
                }
            }
        }
        assertEquals(18, numeric);
    }

    @Test
    void aRateOf900PercentIsRefusedNamingTheValue() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Parameters.standard().withValue("sicknessBenefitRate", "9", LocalDate.of(2025, 1, 1)));
        assertEquals("the value '9' of sicknessBenefitRate: 9 is outside the range of sicknessBenefitRate (share, 0 to 1)",
                e.getMessage());
    }
}
