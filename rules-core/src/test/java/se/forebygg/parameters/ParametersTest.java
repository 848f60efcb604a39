package se.forebygg.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding a benefit's file to its record by name, with records of the test's own. */
class ParametersTest {

    public record Alpha(LocalDate from, LocalDate until, BigDecimal amount, int count, List<BigDecimal> levels,
                        MonthDay deadline, LocalDate inForce) implements Period {
    }

    public record Beta(LocalDate from, LocalDate until, BigDecimal amount) implements Period {
    }

    public record Gamma(LocalDate from, LocalDate until, BigDecimal share) implements Period {
        public Gamma {
            if (share.signum() <= 0) {
                throw new IllegalArgumentException("share: must be greater than 0, got " + share.toPlainString());
            }
        }
    }

    private static final String HEAD = "version: t\ncoverage: {from: 2014-01-01, until: 2016-12-31}\nparameters:\n";

    private static String entry(String name, String... values) {
        StringBuilder b = new StringBuilder("  " + name + ":\n    values:\n");
        for (String v : values) {
            b.append("      - {").append(v).append(", reference: x}\n");
        }
        return b.toString();
    }

    private static final String AMOUNT = entry("amount", "from: 2014-01-01, value: 10", "from: 2015-07-01, value: 12.5");
    private static final String COUNT = entry("count", "from: 2014-01-01, value: 3");
    private static final String LEVELS = entry("levels", "from: 2014-01-01, value: [1, 0.5]");
    private static final String DEADLINE = entry("deadline", "from: 2014-01-01, value: \"--02-01\"");
    private static final String IN_FORCE = entry("inForce", "from: 2014-01-01, value: 2016-01-01");

    private static Parameters table(Object... typesAndTexts) {
        Map<Class<? extends Period>, Map.Entry<String, String>> files = new LinkedHashMap<>();
        for (int i = 0; i < typesAndTexts.length; i += 2) {
            @SuppressWarnings("unchecked")
            Class<? extends Period> type = (Class<? extends Period>) typesAndTexts[i];
            files.put(type, Map.entry(type.getSimpleName().toLowerCase() + ".yaml", (String) typesAndTexts[i + 1]));
        }
        return Parameters.parse(files);
    }

    @Test
    void eachComponentIsBoundFromTheKeyOfItsNameAndType() {
        Parameters p = table(Alpha.class, HEAD + AMOUNT + COUNT + LEVELS + DEADLINE + IN_FORCE);
        Alpha a = p.on(Alpha.class, LocalDate.of(2015, 8, 1));
        assertEquals(new Alpha(LocalDate.of(2015, 7, 1), LocalDate.of(2016, 12, 31), new BigDecimal("12.5"), 3,
                List.of(BigDecimal.ONE, new BigDecimal("0.5")), MonthDay.of(2, 1), LocalDate.of(2016, 1, 1)), a);
        assertEquals(LocalDate.of(2015, 6, 30), p.on(Alpha.class, LocalDate.of(2014, 1, 1)).until());
        assertEquals(3, p.<Integer>value("count", LocalDate.of(2014, 5, 1)));
        assertEquals(new BigDecimal("10"), p.value("amount", LocalDate.of(2015, 6, 30)));
        assertEquals("t", p.version());
    }

    @Test
    void bindingDoesNotDependOnTheKeysOrder() {
        Parameters forward = table(Alpha.class, HEAD + AMOUNT + COUNT + LEVELS + DEADLINE + IN_FORCE);
        Parameters backward = table(Alpha.class, HEAD + IN_FORCE + DEADLINE + LEVELS + COUNT + AMOUNT);
        for (LocalDate d = LocalDate.of(2014, 1, 1); d.isBefore(LocalDate.of(2017, 1, 1)); d = d.plusMonths(1)) {
            assertEquals(forward.on(Alpha.class, d), backward.on(Alpha.class, d));
        }
    }

    @Test
    void aKeyNoComponentTakesIsAnErrorNamingFileAndKey() {
        ParameterException e = assertThrows(ParameterException.class, () -> table(Alpha.class,
                HEAD + AMOUNT + COUNT + LEVELS + DEADLINE + IN_FORCE + entry("amont", "from: 2014-01-01, value: 1")));
        assertTrue(e.getMessage().startsWith("alpha.yaml: parameters.amont: unknown parameter"), e.getMessage());
    }

    @Test
    void aComponentWithNoKeyIsAnErrorNamingFileAndKey() {
        ParameterException e = assertThrows(ParameterException.class, () -> table(Alpha.class,
                HEAD + AMOUNT + COUNT + LEVELS + IN_FORCE));
        assertTrue(e.getMessage().startsWith("alpha.yaml: parameters.deadline is missing"), e.getMessage());
    }

    @Test
    void aNameInTwoBenefitsFilesIsAnError() {
        ParameterException e = assertThrows(ParameterException.class, () -> table(
                Alpha.class, HEAD + AMOUNT + COUNT + LEVELS + DEADLINE + IN_FORCE, Beta.class, HEAD + AMOUNT));
        assertTrue(e.getMessage().startsWith("beta.yaml: parameters.amount: the name is also a parameter of alpha.yaml"),
                e.getMessage());
    }

    @Test
    void filesOfDifferentVersionsAreAnError() {
        ParameterException e = assertThrows(ParameterException.class, () -> table(
                Beta.class, HEAD + AMOUNT, Gamma.class, HEAD.replace("version: t", "version: u")
                        + entry("share", "from: 2014-01-01, value: 0.5")));
        assertTrue(e.getMessage().startsWith("gamma.yaml: version 'u' differs from version 't' of beta.yaml"),
                e.getMessage());
    }

    @Test
    void aWrongTypeOrAValueTheRecordRefusesNamesTheFile() {
        ParameterException e = assertThrows(ParameterException.class, () -> table(Alpha.class,
                HEAD + AMOUNT + entry("count", "from: 2014-01-01, value: 2.5") + LEVELS + DEADLINE + IN_FORCE));
        assertEquals("alpha.yaml: parameters.count (value from 2014-01-01): expected a whole number, got 2.5",
                e.getMessage());
        e = assertThrows(ParameterException.class, () -> table(Gamma.class,
                HEAD + entry("share", "from: 2014-01-01, value: 0.5", "from: 2015-01-01, value: 0")));
        assertEquals("gamma.yaml: the values in force from 2015-01-01: share: must be greater than 0, got 0", e.getMessage());
    }

    @Test
    void aValueNeedsItsReference() {
        ParameterException e = assertThrows(ParameterException.class, () -> table(Beta.class,
                HEAD + "  amount:\n    values:\n      - {from: 2014-01-01, value: 44400}\n"));
        assertEquals("beta.yaml: parameters.amount.values[0]: every value needs a 'reference' to its legal source",
                e.getMessage());
    }

    @Test
    void aWhatIfOverlayChangesOneValueFromItsDateAndTheVersion() {
        Parameters base = table(Beta.class, HEAD + AMOUNT, Gamma.class, HEAD + entry("share", "from: 2014-01-01, value: 0.5"));
        Parameters changed = base.withValue("share", "0.75", LocalDate.of(2016, 1, 1));
        assertEquals(new BigDecimal("0.5"), changed.value("share", LocalDate.of(2015, 12, 31)));
        assertEquals(new BigDecimal("0.75"), changed.value("share", LocalDate.of(2016, 1, 1)));
        assertEquals(new BigDecimal("0.5"), base.value("share", LocalDate.of(2016, 1, 1)));
        assertEquals("t+share=0.75@2016-01-01", changed.version());
        assertThrows(ParameterException.class, () -> base.withValue("shares", "1", LocalDate.of(2016, 1, 1)));
    }

    @Test
    void aValueOutsideItsRangeIsAnErrorAtTheValue() {
        String share = "  share:\n    unit: share\n    range: { min: 0, max: 1 }\n    values:\n"
                + "      - {from: 2014-01-01, value: 0.5, reference: x}\n      - {from: 2015-01-01, value: 9, reference: x}\n";
        ParameterException e = assertThrows(ParameterException.class, () -> table(Gamma.class, HEAD + share));
        assertEquals("gamma.yaml: parameters.share.values[1].value: 9 is outside the range of share (share, 0 to 1)",
                e.getMessage());
        String levels = "  levels:\n    range: { min: 0, max: 1 }\n    values:\n      - {from: 2014-01-01, value: [1, 1.5], reference: x}\n";
        e = assertThrows(ParameterException.class, () -> table(Alpha.class, HEAD + AMOUNT + COUNT + levels + DEADLINE + IN_FORCE));
        assertEquals("alpha.yaml: parameters.levels.values[0].value: 1.5 is outside the range of levels (0 to 1)", e.getMessage());
        e = assertThrows(ParameterException.class, () -> table(Beta.class,
                HEAD + "  amount:\n    range: { min: 5, max: 1 }\n    values:\n      - {from: 2014-01-01, value: 3, reference: x}\n"));
        assertEquals("beta.yaml: parameters.amount.range: min 5 is above max 1", e.getMessage());
    }

    @Test
    void aWhatIfValueIsCheckedAtOnceAndBlamedNotTheFile() {
        String share = "  share:\n    unit: share\n    range: { min: 0, max: 1 }\n    values:\n"
                + "      - {from: 2014-01-01, value: 0.5, reference: x}\n";
        Parameters base = table(Gamma.class, HEAD + share);
        ParameterException e = assertThrows(ParameterException.class, () -> base.withValue("share", "9", LocalDate.of(2016, 1, 1)));
        assertEquals("the value '9' of share: 9 is outside the range of share (share, 0 to 1)", e.getMessage());
        e = assertThrows(ParameterException.class, () -> base.withValue("share", "0,9", LocalDate.of(2016, 1, 1)));
        assertEquals("the value '0,9' of share: expected a number, got \"0,9\"", e.getMessage());
    }

    @Test
    void aDateOutsideTheCoverageIsAnErrorNotAGuess() {
        Parameters p = table(Beta.class, HEAD + AMOUNT);
        ParameterException e = assertThrows(ParameterException.class, () -> p.on(Beta.class, LocalDate.of(2017, 1, 1)));
        assertEquals("no parameters for 2017-01-01: the parameter table (t) covers 2014-01-01 to 2016-12-31", e.getMessage());
    }
}
