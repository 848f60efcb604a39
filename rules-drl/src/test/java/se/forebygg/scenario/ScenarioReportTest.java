package se.forebygg.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.Forebygg;

/** How a failing scenario reads. */
class ScenarioReportTest {

    @Test
    void aFailureNamesFileScenarioFieldExpectedAndActual(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("scenarios/preventive/sgi.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                base:
                  type: preventive-sickness-benefit
                  step: COMPENSATION
                  decisionDate: 2022-05-20
                  insured: { annualIncome: 483000, occupation: SELF_EMPLOYED }
                  risk: { expectedWorkCapacityReduction: 0.5 }
                  plan: { kind: MEDICAL_TREATMENT, purpose: PREVENT_ILLNESS, orderedByPhysician: true, approvedByAgency: true, sessions: 6 }
                  claim: { days: [ { date: 2022-05-10, treatmentMinutes: 480, preparationMinutes: 0, travelMinutes: 0, normalWorkingMinutes: 480 } ] }
                scenarios:
                  - name: ceiling in 2022
                    expect:
                      outcome: APPROVED
                      amount: 1026
                      codes: [PSB_SGI_CAPPED]
                      calculation.sgi[0].sgi: 483000
                      calculation.sgi[0].fullDailyAmount: 1026
                  - name: a bad case
                    case: { decisionDate: 2025-02-30 }
                    expect: { outcome: APPROVED }
                """);
        List<ScenarioResult> results = new ScenarioRunner(Forebygg.create()).runAll(ScenarioFiles.read(file));
        assertEquals(List.of(
                "preventive/sgi.yaml › \"ceiling in 2022\" › amount: expected 1026.00, got 1027.00",
                "preventive/sgi.yaml › \"ceiling in 2022\" › codes: expected [PSB_SGI_CAPPED], got []",
                "preventive/sgi.yaml › \"ceiling in 2022\" › calculation.sgi[0].fullDailyAmount: expected 1026, got 1027"),
                results.get(0).failureLines());
        assertEquals("./forebygg rules test rules-drl/src/main/resources/se/forebygg/rules/preventive/sgi.scenarios.yaml --name \"ceiling in 2022\"",
                results.get(0).rerunCommand("rules-drl/src/main/resources/se/forebygg/rules/preventive/sgi.scenarios.yaml"));
        String bad = results.get(1).failureLines().get(0);
        assertTrue(bad.startsWith("preventive/sgi.yaml › \"a bad case\" › case: expected a valid case, got bad input at $.decisionDate"), bad);
    }

    @Test
    void anUnknownKeyIsReportedWithItsScenario(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("x.yaml");
        Files.writeString(file, "scenarios:\n  - name: n\n    expected: { outcome: APPROVED }\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.read(file));
        assertTrue(e.getMessage().contains("unknown key 'expected'"), e.getMessage());
    }
}
