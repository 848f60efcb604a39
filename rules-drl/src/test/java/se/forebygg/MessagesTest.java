package se.forebygg;

import se.forebygg.engine.Finding;
import se.forebygg.engine.ReasonCode;
import se.forebygg.engine.Severity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.forebygg.preventive.PlanKind;
import se.forebygg.spi.Reason;

/**
 * The wording of the findings, one pair of bundles beside each benefit's DRL: every reason code is
 * worded in English and Swedish by exactly one benefit, every key words a reason code, and each
 * language writes the figures its own way.
 */
class MessagesTest {
    /** The rule packages of the shipped benefits. */
    private static final List<String> BENEFITS = List.of("preventive", "provider", "grant");

    private static Reason reason(ReasonCode code, Severity severity, Object... args) {
        String benefit = switch (code.name().substring(0, 3)) {
            case "PSB" -> "preventive";
            case "PRV" -> "provider";
            default -> "grant";
        };
        return new Reason("c-1", code, severity, "R-1", "1 §", "se.forebygg.rules." + benefit, Arrays.asList(args));
    }

    private static Properties bundle(String benefit, String suffix) {
        String name = "/se/forebygg/rules/" + benefit + "/messages" + suffix + ".properties";
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is missing");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reason code a message key words: {@code CODE} or {@code CODE.SEVERITY}. */
    private static String codeOf(String key) {
        String[] parts = key.split("\\.", -1);
        if (parts.length == 2) {
            assertTrue(Arrays.stream(Severity.values()).anyMatch(s -> s.name().equals(parts[1])),
                    key + ": " + parts[1] + " is no severity");
        } else {
            assertEquals(1, parts.length, key + " is neither CODE nor CODE.SEVERITY");
        }
        assertTrue(Arrays.stream(ReasonCode.values()).anyMatch(c -> c.name().equals(parts[0])),
                key + ": " + parts[0] + " is no ReasonCode");
        return parts[0];
    }

    @Test
    void everyReasonCodeIsWordedInBothLanguagesByExactlyOneBenefit() {
        for (String suffix : List.of("", "_sv")) {
            Map<String, List<String>> wordedBy = new TreeMap<>();
            for (String benefit : BENEFITS) {
                for (String key : bundle(benefit, suffix).stringPropertyNames()) {
                    List<String> by = wordedBy.computeIfAbsent(codeOf(key), c -> new ArrayList<>());
                    if (!by.contains(benefit)) {
                        by.add(benefit);
                    }
                }
            }
            Set<String> codes = Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(codes, wordedBy.keySet(), "codes worded in messages" + suffix + ".properties");
            wordedBy.forEach((code, by) -> assertEquals(1, by.size(), code + " is worded by " + by));
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        for (String benefit : BENEFITS) {
            assertEquals(bundle(benefit, "").stringPropertyNames(), bundle(benefit, "_sv").stringPropertyNames(), benefit);
        }
    }

    @Test
    void everyKeyIsFoundFromItsRulePackage() {
        for (String benefit : BENEFITS) {
            for (String key : bundle(benefit, "").stringPropertyNames()) {
                String[] parts = key.split("\\.");
                Severity severity = parts.length == 2 ? Severity.valueOf(parts[1]) : Severity.REJECTION;
                Finding f = Messages.finding(reason(ReasonCode.valueOf(parts[0]), severity, 1, 2, 3, 4, 5));
                assertEquals(bundle(benefit, "").getProperty(key).isBlank(), f.message().isBlank(), key);
                assertTrue(!f.messageSv().isBlank(), key);
            }
        }
    }

    @Test
    void englishAsBeforeSwedishWithDecimalCommaAndSpaceGroups() {
        Finding f = Messages.finding(reason(ReasonCode.ARS_EMPLOYEE_CAP_APPLIED, Severity.REDUCTION,
                new BigDecimal("10000.00"), new BigDecimal("3750.50"), new BigDecimal("6249.50"), new BigDecimal("6250.25"), 2025));
        assertEquals("The cap per employee and year is 10000 kr and 3750.5 kr has already been granted for this employee"
                + " in 2025: half the covered cost, 6250.25 kr, is reduced to what is left, 6249.5 kr.", f.message());
        assertEquals("Taket per arbetstagare och år är 10 000 kr och 3 750,5 kr har redan beviljats för arbetstagaren"
                + " för 2025: halva den bidragsgrundande kostnaden, 6 250,25 kr, sätts ned till det som återstår, 6 249,5 kr.",
                f.messageSv());
    }

    @Test
    void wholeNumbersAndDatesAreWrittenAlikeInBothLanguagesEnumsByTheirTerms() {
        Finding day = Messages.finding(reason(ReasonCode.PSB_DAY_BELOW_QUARTER, Severity.REDUCTION,
                LocalDate.of(2025, 3, 10), 100, 12000, new BigDecimal("0.25")));
        assertEquals("On 2025-03-10 the treatment took 100 of 12000 working minutes, below 0.25 of the working day:"
                + " nothing is paid for that day.", day.message());
        assertEquals("Den 2025-03-10 tog behandlingen 100 av 12000 arbetsminuter, mindre än 0,25 av arbetsdagen:"
                + " ingen ersättning för den dagen.", day.messageSv());
        Finding late = Messages.finding(reason(ReasonCode.ARS_LATE_APPLICATION, Severity.REJECTION,
                LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 2), 2025, LocalDate.of(2026, 2, 1)));
        assertEquals("Ansökan kom in den 2026-02-03; för åtgärder utförda 2025 skulle den ha kommit in senast den 2026-02-02."
                + " Förordningen anger den 2026-02-01; en sista dag som infaller på en lördag, söndag eller helgdag"
                + " flyttas till nästa vardag (2 § lagen (1930:173)).", late.messageSv());
        Finding kind = Messages.finding(reason(ReasonCode.PSB_NOT_MEDICAL, Severity.REJECTION, PlanKind.WELLNESS));
        assertEquals("Åtgärden är friskvård, inte medicinsk behandling eller medicinsk rehabilitering.", kind.messageSv());
        assertEquals("The measure is wellness, not medical treatment or medical rehabilitation.", kind.message());
    }

    @Test
    void countsTakeTheRightPluralInBothLanguages() {
        Finding one = Messages.finding(reason(ReasonCode.ARS_TREATMENT_EXCLUDED, Severity.REJECTION, 1));
        assertEquals("Den enda åtgärden omfattas inte: behandling omfattas aldrig, så inget återstår att bevilja.", one.messageSv());
        assertEquals("The one measure is not covered: treatment is never covered, so nothing is left to grant.", one.message());
        Finding two = Messages.finding(reason(ReasonCode.ARS_TREATMENT_EXCLUDED, Severity.REJECTION, 2));
        assertEquals("Ingen av de 2 åtgärderna omfattas: behandling omfattas aldrig, så inget återstår att bevilja.", two.messageSv());
        assertEquals("None of the 2 measures is covered: treatment is never covered, so nothing is left to grant.", two.message());
        Finding session = Messages.finding(reason(ReasonCode.PSB_SINGLE_VISIT, Severity.REJECTION, 1, 2));
        assertEquals("Planen omfattar 1 behandlingstillfälle; minst 2 krävs, enstaka besök ger ingen rätt till ersättning.",
                session.messageSv());
        assertEquals("The plan covers 1 session; at least 2 are needed, single visits give no benefit.", session.message());
        Finding days = Messages.finding(reason(ReasonCode.PSB_DAY_BELOW_QUARTER, Severity.REJECTION, 3, new BigDecimal("0.25")));
        assertEquals("Ingen av de 3 begärda dagarna når 0,25 av arbetsdagen: ingen ersättning betalas.", days.messageSv());
        assertEquals("None of the 3 claimed days reaches 0.25 of the working day: nothing is paid.", days.message());
    }
}
