package se.forebygg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Forebygg;
import se.forebygg.json.CaseReader;

class ExplanationTest {
    private static final Forebygg ENGINE = Forebygg.create();

    private static Decision decide(String json) {
        CaseReader.Entry entry = CaseReader.open(new StringReader(json.replace("\n", " "))).next();
        if (!entry.isCase()) {
            throw new AssertionError(entry.error().toString());
        }
        return ENGINE.evaluate(entry.value());
    }

    @Test
    void preventiveDecisionStepByStep() {
        Decision d = decide("""
                {"type":"preventive-sickness-benefit","caseId":"psb-9","step":"COMPENSATION","decisionDate":"2025-04-20",
                 "insured":{"annualIncome":700000,"occupation":"EMPLOYED"},"risk":{"expectedWorkCapacityReduction":0.5},
                 "plan":{"kind":"MEDICAL_TREATMENT","purpose":"PREVENT_ILLNESS","orderedByPhysician":true,"approvedByAgency":true,"sessions":6},
                 "claim":{"days":[{"date":"2025-04-07","treatmentMinutes":300,"preparationMinutes":20,"travelMinutes":40,"normalWorkingMinutes":480},
                                  {"date":"2025-04-14","treatmentMinutes":60,"preparationMinutes":0,"travelMinutes":0,"normalWorkingMinutes":480}]}}
                """);
        assertEquals("""
                Case psb-9 (preventive-sickness-benefit)
                Outcome: partially approved, amount 938.00 kr
                Findings:
                  1. reduction, PSB-10 (27 kap. 45–46 §§ socialförsäkringsbalken (2010:110)): %s
                  2. information, PSB-7 (25 kap. 5 § socialförsäkringsbalken (2010:110)): %s
                Calculation:
                  SGI for 2025-01-01 to 2025-12-31 (PSB-7):
                    annual income 700000 kr, rounded down to whole hundreds: 700000 kr
                    floor 14112 kr (price base amount 58800 kr): reached
                    ceiling 588000 kr: the rounded income is above it, so SGI = 588000 kr
                    full daily amount (PSB-11): 1250 kr
                  Days (PSB-9, PSB-10, PSB-11):
                    2025-04-07: 360 of 480 minutes = 0.75 of the working day, level 0.75: 1250 × 0.75 = 938 kr
                    2025-04-14: 60 of 480 minutes = 0.125 of the working day, below the lowest level: 0 kr
                  Total: 938 kr
                """.formatted(d.findings().get(0).message(), d.findings().get(1).message()),
                Explanation.of(d, Locale.ENGLISH));
    }

    @Test
    void swedishUsesTheSwedishMessages() {
        Decision d = decide("""
                {"type":"provider-approval","caseId":"prv-1","decisionDate":"2025-01-10","competences":["NURSE","TECHNOLOGY"]}
                """);
        String text = Explanation.of(d, Locale.forLanguageTag("sv"));
        assertEquals("Ärende prv-1 (provider-approval)\nUtfall: avslag, belopp 0.00 kr\nSkäl:\n  1. avslag, PRV-1 (8 § förordningen (2014:67); RiR 2021:19 avsnitt 2.1): "
                + d.findings().get(0).messageSv() + "\n", text.substring(0, text.indexOf("  2. ")));
    }
}
