package se.forebygg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.Calculation;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.ReasonCode;
import se.forebygg.engine.Severity;

/** A calculation type the renderer does not know (as grant decisions before their own wording). */
class GenericExplanationTest {

    record Room(BigDecimal before, BigDecimal after) {
    }

    record SomeCalculation(BigDecimal coveredCost, BigDecimal half, List<Room> rooms, List<String> notes)
            implements Calculation {
    }

    @Test
    void unknownCalculationsAreShownByTheirComponents() {
        Decision d = new Decision("ars-1", CaseType.WORKPLACE_REHABILITATION_GRANT, Outcome.PARTIALLY_APPROVED,
                new BigDecimal("4000.00"),
                List.of(new Finding(ReasonCode.ARS_EMPLOYEE_CAP_APPLIED, Severity.REDUCTION, "ARS-6",
                        "7 § förordningen (2014:67)", "Capped.", "Begränsat.")),
                new SomeCalculation(new BigDecimal("14000.00"), new BigDecimal("7000"),
                        List.of(new Room(new BigDecimal("10000"), null)), List.of("a", "b")),
                List.of("ARS-6 cap"), "test");
        assertEquals("""
                Ärende ars-1 (arbetsplatsinriktat rehabiliteringsstöd)
                Utfall: delvis bifall, belopp 4 000,00 kr
                Skäl:
                  1. minskning, ARS-6 (7 § förordningen (2014:67)): Begränsat.
                Beräkning:
                  coveredCost: 14 000
                  half: 7 000
                  rooms:
                    [1]
                      before: 10 000
                      after: –
                  notes: a, b
                """, Explanation.of(d, Locale.forLanguageTag("sv")));
        assertEquals("""
                Case ars-1 (workplace-rehabilitation-grant)
                Outcome: partially approved, amount 4000.00 kr
                Findings:
                  1. reduction, ARS-6 (7 § förordningen (2014:67)): Capped.
                Calculation:
                  coveredCost: 14000
                  half: 7000
                  rooms:
                    [1]
                      before: 10000
                      after: –
                  notes: a, b
                """, Explanation.of(d, Locale.ENGLISH));
    }
}
