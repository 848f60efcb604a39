package se.forebygg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.Outcome;
import se.forebygg.grant.MeasureKind;
import se.forebygg.preventive.PlanKind;

class WordingTest {
    private static final Locale SV = Locale.forLanguageTag("sv");

    @Test
    void enumValuesAreWordedInEitherLanguage() {
        assertEquals("friskvård", Wording.term(PlanKind.WELLNESS, SV));
        assertEquals("wellness", Wording.term(PlanKind.WELLNESS, Locale.ENGLISH));
        assertEquals("uppföljning", Wording.term(MeasureKind.FOLLOW_UP, Locale.forLanguageTag("sv-SE")));
        assertEquals("partially approved", Wording.term(Outcome.PARTIALLY_APPROVED, Locale.GERMAN));
        assertEquals("delvis bifall", Wording.term(Outcome.PARTIALLY_APPROVED, SV));
    }

    enum HostValue { SOME_VALUE }

    @Test
    void aValueWithoutATermIsItsNameInWords() {
        assertEquals("some value", Wording.term(HostValue.SOME_VALUE, SV));
    }

    @Test
    void figuresAreWrittenPerLanguage() {
        Object[] figures = {new BigDecimal("6250.25"), 12000, LocalDate.of(2025, 3, 10), MeasureKind.PLAN, true, null};
        String pattern = "{0} kr, {1} min, {2}, {3}, {4}, {5}";
        assertEquals("6 250,25 kr, 12000 min, 2025-03-10, planering, ja, –", Wording.format(pattern, SV, figures));
        assertEquals("6250.25 kr, 12000 min, 2025-03-10, planning, yes, –", Wording.format(pattern, Locale.ENGLISH, figures));
    }

    @Test
    void aCountChoosesItsPlural() {
        String sv = "{0} {0,choice,1#åtgärd|1<åtgärder}";
        assertEquals("1 åtgärd", Wording.format(sv, SV, 1));
        assertEquals("2 åtgärder", Wording.format(sv, SV, 2));
        String en = "{0} {0,choice,1#measure|1<measures}";
        assertEquals("1 measure", Wording.format(en, Locale.ENGLISH, 1));
        assertEquals("2 measures", Wording.format(en, Locale.ENGLISH, 2L));
    }

    @Test
    void figuresInsideAChoiceAreWrittenTheLanguagesWay() {
        String pattern = "{0,choice,1#Den enda åtgärden, {1} kr|1<Alla {0} åtgärder, {1} kr}";
        assertEquals("Alla 1200 åtgärder, 4 500,5 kr", Wording.format(pattern, SV, 1200, new BigDecimal("4500.5")));
        assertEquals("Den enda åtgärden, 4 500,5 kr", Wording.format(pattern, SV, 1, new BigDecimal("4500.5")));
    }

    @Test
    void aChoiceNeedsACount() {
        assertThrows(IllegalArgumentException.class, () -> Wording.format("{0,choice,1#a|1<b}", SV, "two"));
    }
}
