package se.forebygg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.json.CaseReader;

class ExplanationTest {
    private static final Forebygg ENGINE = Forebygg.create();

    private static Decision decide(String json) {
        Input entry = CaseReader.open(new StringReader(json.replace("\n", " "))).next();
        if (entry instanceof Input.Unread unread) {
            throw new AssertionError(unread.refusal().toString());
        }
        return ENGINE.evaluate(((Input.Read) entry).aCase());
    }

    private static final String PSB_9 = """
            {"type":"preventive-sickness-benefit","caseId":"psb-9","step":"COMPENSATION","decisionDate":"2025-04-20",
             "insured":{"annualIncome":700000,"occupation":"EMPLOYED","annualWorkingHours":2080},"risk":{"expectedWorkCapacityReduction":0.5},
             "plan":{"kind":"MEDICAL_TREATMENT","purpose":"PREVENT_ILLNESS","orderedByPhysician":true,"approvedByAgency":true,"sessions":6},
             "claim":{"days":[{"date":"2025-04-07","treatmentMinutes":300,"preparationMinutes":20,"travelMinutes":40,"normalWorkingMinutes":480},
                              {"date":"2025-04-14","treatmentMinutes":60,"preparationMinutes":0,"travelMinutes":0,"normalWorkingMinutes":480}]}}
            """;

    @Test
    void preventiveDecisionStepByStep() {
        Decision d = decide(PSB_9);
        assertEquals("""
                Case psb-9 (preventive-sickness-benefit)
                Outcome: partially approved, amount 1314.00 kr
                Findings:
                  1. reduction, PSB-10 (27 kap. 45–46 §§ socialförsäkringsbalken (2010:110)): %s
                  2. information, PSB-7 (25 kap. 5 § socialförsäkringsbalken (2010:110)): %s
                Calculation:
                  SGI for 2025-01-01 to 2025-12-31 (PSB-7):
                    annual income 700000 kr, rounded down to whole hundreds: 700000 kr
                    floor 14112 kr (price base amount 58800 kr): reached
                    ceiling 588000 kr: the rounded income is above it, so SGI = 588000 kr
                    benefit base, SGI × share × rate (SFB 28:7): 456288 kr a year
                    full daily amount by calendar day (PSB-11): 1250 kr
                    hourly amount by working time (PSB-11a): 456288 kr / 2080 annual working hours = 219 kr an hour
                  Days (PSB-9, PSB-10, PSB-11, PSB-11a):
                    2025-04-07: 360 of 480 minutes = 0.75 of the working day, level 0.75; day 1 of the sjukperiod, by working time (PSB-11a): 219 kr × 8 h = 1752 kr, × 0.75 = 1314 kr
                    2025-04-14: 60 of 480 minutes = 0.125 of the working day, below the lowest level: 0 kr
                  Total: 1314 kr
                """.formatted(d.findings().get(0).message(), d.findings().get(1).message()),
                Explanation.of(d, Locale.ENGLISH));
    }

    @Test
    void preventiveDecisionStepByStepInSwedishWritesNumbersTheSwedishWay() {
        Decision d = decide(PSB_9);
        assertEquals("Den 2025-04-14 tog behandlingen 60 av 480 arbetsminuter, mindre än 0,25 av arbetsdagen:"
                + " ingen ersättning för den dagen.", d.findings().get(0).messageSv());
        assertEquals("Inkomsten avrundad nedåt till hela hundratal, 700 000 kr, överstiger taket; SGI begränsas till"
                + " 588 000 kr (från 2025-01-01).", d.findings().get(1).messageSv());
        assertEquals("""
                Ärende psb-9 (förebyggande sjukpenning)
                Utfall: delvis bifall, belopp 1 314,00 kr
                Skäl:
                  1. minskning, PSB-10 (27 kap. 45–46 §§ socialförsäkringsbalken (2010:110)): %s
                  2. information, PSB-7 (25 kap. 5 § socialförsäkringsbalken (2010:110)): %s
                Beräkning:
                  SGI för 2025-01-01 till 2025-12-31 (PSB-7):
                    årsinkomst 700 000 kr, avrundad nedåt till hela hundratal: 700 000 kr
                    golv 14 112 kr (prisbasbelopp 58 800 kr): nått
                    tak 588 000 kr: den avrundade inkomsten överstiger taket, så SGI = 588 000 kr
                    beräkningsunderlag, SGI × andel × nivå (SFB 28:7): 456 288 kr per år
                    helt dagbelopp per kalenderdag (PSB-11): 1 250 kr
                    timbelopp vid arbetstidsberäkning (PSB-11a): 456 288 kr / 2 080 timmars årsarbetstid = 219 kr per timme
                  Dagar (PSB-9, PSB-10, PSB-11, PSB-11a):
                    2025-04-07: 360 av 480 minuter = 0,75 av arbetsdagen, nivå 0,75; dag 1 i sjukperioden, arbetstidsberäknad (PSB-11a): 219 kr × 8 tim = 1 752 kr, × 0,75 = 1 314 kr
                    2025-04-14: 60 av 480 minuter = 0,125 av arbetsdagen, under lägsta nivån: 0 kr
                  Summa: 1 314 kr
                """.formatted(d.findings().get(0).messageSv(), d.findings().get(1).messageSv()),
                Explanation.of(d, Locale.forLanguageTag("sv")));
    }

    @Test
    void grantDecisionInSwedishWritesNumbersTheSwedishWay() {
        Decision d = decide("""
                {"type":"workplace-rehabilitation-grant","caseId":"ars-9","employerId":"556000-0019","employeeId":"19600118-1004",
                 "employeeCondition":"REDUCED_WORK_CAPACITY","provider":{"id":"P-3","approvedByAgency":true},
                 "measures":[{"kind":"IMPLEMENT","performedOn":"2025-04-02","amountPaid":12500.50}],
                 "submittedOn":"2025-09-01","alreadyGranted":{"employee":3750.5,"employer":0}}
                """);
        assertEquals("Taket per arbetstagare och år är 10 000 kr och 3 750,5 kr har redan beviljats för arbetstagaren för 2025:"
                + " halva den bidragsgrundande kostnaden, 6 250,25 kr, sätts ned till det som återstår, 6 249,5 kr.",
                d.findings().get(0).messageSv());
        String text = Explanation.of(d, Locale.forLanguageTag("sv"));
        assertEquals("""
                Beräkning:
                  Insatser utförda 2025 (ARS-2, ARS-3):
                    1. genomförande den 2025-04-02, betalt 12 500,5 kr: omfattas
                  kostnad som omfattas 12 500,5 kr, hälften (ARS-5): 6 250,25 kr
                  utrymme under taket per arbetstagare och år (ARS-6): 6 249,5 kr före, 0 kr efter
                  utrymme under taket per arbetsgivare och år (ARS-7): 200 000 kr före, 193 750,5 kr efter
                  sista ansökningsdag (ARS-8, ARS-8a): 2026-02-01 är en lördag, söndag eller helgdag, så 2026-02-02
                  Bidrag: det minsta av halva kostnaden (6 250,25 kr) och de två utrymmena (6 249,5 kr och 200 000 kr) = 6 249,5 kr
                """, text.substring(text.indexOf("Beräkning:")));
        assertEquals("Utfall: delvis bifall, belopp 6 249,50 kr", text.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void swedishUsesTheSwedishMessages() {
        Decision d = decide("""
                {"type":"provider-approval","caseId":"prv-1","decisionDate":"2025-01-10","competences":["NURSE","TECHNOLOGY"]}
                """);
        String text = Explanation.of(d, Locale.forLanguageTag("sv"));
        assertEquals("Ärende prv-1 (godkännande av anordnare)\nUtfall: avslag, belopp 0,00 kr\nSkäl:\n  1. avslag, PRV-1 (8 § förordningen (2014:67); RiR 2021:19 avsnitt 2.1): "
                + d.findings().get(0).messageSv() + "\n", text.substring(0, text.indexOf("  2. ")));
    }

    @Test
    void theProvidersFiguresAreWordedInEitherLanguage() {
        Decision d = decide("""
                {"type":"provider-approval","caseId":"prv-2","decisionDate":"2025-01-10","competences":["PHYSICIAN","TECHNOLOGY","BEHAVIOURAL_SCIENCE"]}
                """);
        String sv = Explanation.of(d, Locale.forLanguageTag("sv"));
        assertEquals("""
                Beräkning:
                  läkare knuten till anordnaren (PRV-1): ja
                  sjuksköterska knuten till anordnaren (PRV-2): nej
                  övriga kompetenser (PRV-3): beteendevetenskap, teknik; 2 av minst 3 som krävs
                """, sv.substring(sv.indexOf("Beräkning:")));
        String en = Explanation.of(d, Locale.ENGLISH);
        assertEquals("""
                Calculation:
                  physician attached (PRV-1): yes
                  nurse attached (PRV-2): no
                  other competences (PRV-3): behavioural science, technology; 2 of at least 3 needed
                """, en.substring(en.indexOf("Calculation:")));
    }

    /** A late application: the least of half the cost and the rooms is 5 000 kr, the grant nothing, and the text says why. */
    @Test
    void aRejectedGrantShowsTheTrueLeastAndWhyNothingIsGranted() {
        Decision d = decide("""
                {"type":"workplace-rehabilitation-grant","caseId":"ars-4","employerId":"556000-0019","employeeId":"19600118-1004",
                 "employeeCondition":"REDUCED_WORK_CAPACITY","provider":{"id":"P-3","approvedByAgency":true},
                 "measures":[{"kind":"PLAN","performedOn":"2024-09-12","amountPaid":10000}],"submittedOn":"2025-02-04"}
                """);
        String sv = Explanation.of(d, Locale.forLanguageTag("sv"));
        assertEquals("  Bidrag: det minsta av halva kostnaden (5 000 kr) och de två utrymmena (10 000 kr och 200 000 kr) är"
                + " 5 000 kr, men ansökan avslås (ARS-8): 0 kr", sv.lines().reduce((a, b) -> b).orElseThrow());
        String en = Explanation.of(d, Locale.ENGLISH);
        assertEquals("  Grant: the least of half the cost (5000 kr) and the two rooms (10000 kr and 200000 kr) is 5000 kr,"
                + " but the application is rejected (ARS-8): 0 kr", en.lines().reduce((a, b) -> b).orElseThrow());
    }
}
