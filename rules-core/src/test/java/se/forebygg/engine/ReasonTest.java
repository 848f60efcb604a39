package se.forebygg.engine;

import se.forebygg.spi.Reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.forebygg.preventive.PlanKind;

/** The figures of a reason keep their type; each language writes them its own way. */
class ReasonTest {

    private static Reason reason(ReasonCode code, Severity severity, Object... args) {
        return new Reason("c-1", code, severity, "R-1", "1 §", "rule", Arrays.asList(args));
    }

    @Test
    void equalFiguresGiveEqualReasons() {
        Reason a = reason(ReasonCode.PSB_RISK_BELOW_QUARTER, Severity.REJECTION, new BigDecimal("0.200"), new BigDecimal("0.25"));
        Reason b = reason(ReasonCode.PSB_RISK_BELOW_QUARTER, Severity.REJECTION, new BigDecimal("0.2"), new BigDecimal("0.2500"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, reason(ReasonCode.PSB_RISK_BELOW_QUARTER, Severity.REJECTION, new BigDecimal("0.2"), new BigDecimal("0.3")));
    }

    @Test
    void figuresKeepTheirType() {
        Reason r = reason(ReasonCode.ARS_EMPLOYEE_CAP_APPLIED, Severity.REDUCTION, new BigDecimal("10000.00"),
                new BigDecimal("0"), new BigDecimal("10000"), new BigDecimal("10000.01"), 2025);
        assertEquals(List.of(new BigDecimal("1E+4"), BigDecimal.ZERO, new BigDecimal("1E+4"), new BigDecimal("10000.01"), 2025),
                r.args());
        assertEquals(List.of("10000", "0", "10000", "10000.01", "2025"), r.words());
    }

    @Test
    void otherValuesAreFrozenToText() {
        StringBuilder mutable = new StringBuilder("P-3");
        Reason r = reason(ReasonCode.ARS_PROVIDER_NOT_APPROVED, Severity.REJECTION, mutable, null, 0.25d);
        mutable.append("x");
        assertEquals(List.of("P-3", "null", new BigDecimal("0.25")), r.args());
    }

    @Test
    void englishAsBeforeSwedishWithDecimalCommaAndSpaceGroups() {
        Finding f = Messages.finding(reason(ReasonCode.ARS_EMPLOYEE_CAP_APPLIED, Severity.REDUCTION,
                new BigDecimal("10000.00"), new BigDecimal("3750.50"), new BigDecimal("6249.50"), new BigDecimal("6250.25"), 2025));
        assertEquals("The cap per employee and year is 10000 kr and 3750.5 kr has already been granted for this employee"
                + " in 2025: half the covered cost, 6250.25 kr, is reduced to the 6249.5 kr left.", f.message());
        assertEquals("Taket per arbetstagare och år är 10 000 kr och 3 750,5 kr har redan beviljats för arbetstagaren"
                + " för 2025: halva den bidragsgrundande kostnaden, 6 250,25 kr, sätts ned till de 6 249,5 kr som återstår.",
                f.messageSv());
    }

    @Test
    void wholeNumbersDatesAndEnumsAreWrittenAlikeInBothLanguages() {
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
        assertEquals("Åtgärden är WELLNESS, inte medicinsk behandling eller medicinsk rehabilitering.", kind.messageSv());
    }
}
