package se.forebygg.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;

class ParametersTest {
    private final Parameters standard = Parameters.standard();

    @Test
    void priceBaseAmountIsTheCalendarYears() {
        assertEquals(new BigDecimal("48300"), standard.on(LocalDate.of(2022, 6, 1)).priceBaseAmount());
        assertEquals(new BigDecimal("58800"), standard.on(LocalDate.of(2025, 12, 31)).priceBaseAmount());
        assertEquals(new BigDecimal("59200"), standard.on(LocalDate.of(2026, 1, 1)).priceBaseAmount());
        assertEquals(new BigDecimal("44400"), standard.on(LocalDate.of(2014, 1, 1)).priceBaseAmount());
    }

    @Test
    void sgiCeilingFactorChangesOnItsOwnDates() {
        assertEquals(0, new BigDecimal("7.5").compareTo(standard.on(LocalDate.of(2018, 6, 30)).sgiCeilingFactor()));
        assertEquals(0, new BigDecimal("8.0").compareTo(standard.on(LocalDate.of(2018, 7, 1)).sgiCeilingFactor()));
        assertEquals(0, new BigDecimal("8.0").compareTo(standard.on(LocalDate.of(2021, 12, 31)).sgiCeilingFactor()));
        assertEquals(0, new BigDecimal("10.0").compareTo(standard.on(LocalDate.of(2022, 1, 1)).sgiCeilingFactor()));
    }

    @Test
    void periodsSplitWhereAnyParameterChanges() {
        ParameterSet before = standard.on(LocalDate.of(2018, 6, 30));
        ParameterSet after = standard.on(LocalDate.of(2018, 7, 1));
        assertEquals(LocalDate.of(2018, 1, 1), before.from());
        assertEquals(LocalDate.of(2018, 6, 30), before.until());
        assertEquals(LocalDate.of(2018, 7, 1), after.from());
        assertEquals(LocalDate.of(2018, 12, 31), after.until());
    }

    @Test
    void derivedAmountsMatchTheRulebooksWorkedChecks() {
        ParameterSet p2022 = standard.on(LocalDate.of(2022, 3, 1));
        assertEquals(0, new BigDecimal("483000").compareTo(p2022.sgiCeiling()));
        assertEquals(new BigDecimal("1027"), p2022.fullDailyAmount(new BigDecimal("483000")));
        ParameterSet p2025 = standard.on(LocalDate.of(2025, 3, 1));
        assertEquals(0, new BigDecimal("588000").compareTo(p2025.sgiCeiling()));
        assertEquals(new BigDecimal("1250"), p2025.fullDailyAmount(new BigDecimal("588000")));
        assertEquals(0, new BigDecimal("14112").compareTo(p2025.sgiFloor()));
    }

    @Test
    void incomeIsRoundedDownToWholeHundreds() {
        ParameterSet p = standard.on(LocalDate.of(2025, 1, 1));
        assertEquals(0, new BigDecimal("420000").compareTo(p.roundDownIncome(new BigDecimal("420099.99"))));
        assertEquals(0, new BigDecimal("420100").compareTo(p.roundDownIncome(new BigDecimal("420100"))));
    }

    @Test
    void benefitLevelIsTheHighestReachedAndExact() {
        ParameterSet p = standard.on(LocalDate.of(2025, 1, 1));
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
        ParameterSet p = standard.on(LocalDate.of(2025, 1, 1));
        assertEquals(new BigDecimal("447"), p.dayAmount(new BigDecimal("893"), new BigDecimal("0.5")));
        assertEquals(new BigDecimal("223"), p.dayAmount(new BigDecimal("893"), new BigDecimal("0.25")));
        assertEquals(new BigDecimal("938"), p.dayAmount(new BigDecimal("1250"), new BigDecimal("0.75")));
    }

    @Test
    void grantParametersAreRead() {
        ParameterSet p = standard.on(LocalDate.of(2025, 1, 1));
        assertEquals(0, new BigDecimal("10000").compareTo(p.grantCapPerEmployee()));
        assertEquals(0, new BigDecimal("200000").compareTo(p.grantCapPerEmployer()));
        assertEquals(LocalDate.of(2026, 2, 1), p.applicationDeadlineFor(2025));
        assertEquals(MonthDay.of(2, 1), p.applicationDeadline());
        assertEquals(LocalDate.of(2018, 7, 1), p.extendedMeasuresInForce());
    }

    @Test
    void aDateOutsideTheTableIsAnErrorNotAGuess() {
        ParameterException e = assertThrows(ParameterException.class, () -> standard.on(LocalDate.of(2031, 5, 1)));
        assertTrue(e.getMessage().contains("2031-05-01"), e.getMessage());
        assertThrows(ParameterException.class, () -> standard.on(LocalDate.of(2013, 12, 31)));
    }

    @Test
    void whatIfOverlayChangesOnlyFromItsDate() {
        Parameters changed = standard.withValue("grantCapPerEmployee", "15000", LocalDate.of(2024, 1, 1));
        assertEquals(0, new BigDecimal("10000").compareTo(changed.on(LocalDate.of(2023, 12, 31)).grantCapPerEmployee()));
        assertEquals(0, new BigDecimal("15000").compareTo(changed.on(LocalDate.of(2024, 1, 1)).grantCapPerEmployee()));
        assertEquals(0, new BigDecimal("10000").compareTo(standard.on(LocalDate.of(2024, 1, 1)).grantCapPerEmployee()));
    }

    @Test
    void aBadFileNamesTheParameterAndValue() {
        String yaml = "version: t\ncoverage: {from: 2014-01-01, until: 2014-12-31}\nparameters:\n"
                + "  priceBaseAmount:\n    values:\n      - {from: 2014-01-01, value: 44400}\n";
        ParameterException e = assertThrows(ParameterException.class, () -> Parameters.parse(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"));
        assertEquals("test.yaml: parameters.priceBaseAmount.values[0]: every value needs a 'reference' to its legal source",
                e.getMessage());
    }

    @Test
    void anUnknownParameterIsRefused() {
        String yaml = "version: t\ncoverage: {from: 2014-01-01, until: 2014-12-31}\nparameters:\n"
                + "  priceBaseAmont:\n    values:\n      - {from: 2014-01-01, value: 1, reference: x}\n";
        ParameterException e = assertThrows(ParameterException.class, () -> Parameters.parse(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"));
        assertTrue(e.getMessage().startsWith("test.yaml: parameters.priceBaseAmont: unknown parameter"), e.getMessage());
    }
}
