package se.forebygg.hostapp;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.forebygg.Forebygg;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.ReasonCode;
import se.forebygg.grant.EmployeeCondition;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantProvider;
import se.forebygg.grant.Measure;
import se.forebygg.grant.MeasureKind;
import se.forebygg.ledger.jdbc.JdbcGrantLedger;
import se.forebygg.preventive.Claim;
import se.forebygg.preventive.ClaimDay;
import se.forebygg.preventive.Insured;
import se.forebygg.preventive.Occupation;
import se.forebygg.preventive.Plan;
import se.forebygg.preventive.PlanKind;
import se.forebygg.preventive.PreventiveCase;
import se.forebygg.preventive.Purpose;
import se.forebygg.preventive.Risk;
import se.forebygg.preventive.Step;
import se.forebygg.provider.Competence;
import se.forebygg.provider.ProviderApprovalCase;

/**
 * A host that checks what it gets: runs the README's {@link Quickstart}, then decides a preventive
 * sickness benefit case, two provider approvals and grant applications in a database ledger (an H2
 * file under {@code target/}, opened anew for each part) — the yearly cap carries over from one
 * application to the next, and a withdrawn grant frees its room. Exit status 1 when a result is not
 * the expected one, so CI fails. Run from {@code examples/host-app}: {@code java -jar target/host-app.jar}.
 */
public final class HostApp {

    private static final String EMPLOYER = "556000-0001";
    private static final String EMPLOYEE = "19850101-0014";

    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Quickstart.main(new String[] {"jdbc:h2:file:" + target.resolve("quickstart-ledger")});
        System.out.println();

        HostApp app = new HostApp();
        app.run(Forebygg.create(), target);
        if (!app.failures.isEmpty()) {
            app.failures.forEach(f -> System.err.println("host-app: " + f));
            System.exit(1);
        }
        System.out.println("host-app: every result as expected");
    }

    private void run(Forebygg engine, Path target) throws IOException {
        Decision psb = engine.evaluate(new PreventiveCase("psb-1", Step.COMPENSATION, LocalDate.of(2025, 3, 20),
                new Insured(new BigDecimal("420000"), Occupation.EMPLOYED, 2080),
                new Risk(new BigDecimal("0.5")),
                new Plan(PlanKind.MEDICAL_TREATMENT, Purpose.PREVENT_ILLNESS, true, true, 6),
                new Claim(List.of(new ClaimDay(LocalDate.of(2025, 3, 10), 180, 30, 40, 480),
                        new ClaimDay(LocalDate.of(2025, 3, 17), 45, 0, 20, 480)))));
        expect(psb, Outcome.PARTIALLY_APPROVED, "628.00", ReasonCode.PSB_DAY_BELOW_QUARTER);

        expect(engine.evaluate(new ProviderApprovalCase("prv-1", LocalDate.of(2025, 1, 10),
                        List.of(Competence.PHYSICIAN, Competence.NURSE, Competence.WORK_ORGANISATION))),
                Outcome.REJECTED, "0.00", ReasonCode.PRV_TOO_FEW_COMPETENCES);
        expect(engine.evaluate(new ProviderApprovalCase("prv-2", LocalDate.of(2025, 1, 10),
                        List.of(Competence.PHYSICIAN, Competence.NURSE, Competence.WORK_ORGANISATION,
                                Competence.HEALTH_SCIENCE, Competence.TECHNOLOGY))),
                Outcome.APPROVED, "0.00", null);

        // A fresh ledger for each run of the app; every part below opens it anew, as separate runs would.
        for (String file : List.of("host-app-ledger.mv.db", "host-app-ledger.trace.db")) {
            Files.deleteIfExists(target.resolve(file));
        }
        String url = "jdbc:h2:file:" + target.resolve("host-app-ledger");

        try (JdbcGrantLedger ledger = JdbcGrantLedger.open(url)) {
            // Half the cost, at most 10 000 kr per employee and year (ARS-6).
            expect(engine.evaluate(application("ars-1", "12000"), ledger), Outcome.APPROVED, "6000.00", null);
            // The second application of the year gets what is left of the employee's 10 000 kr: 4 000 of 5 000.
            expect(engine.evaluate(application("ars-2", "10000"), ledger),
                    Outcome.PARTIALLY_APPROVED, "4000.00", ReasonCode.ARS_EMPLOYEE_CAP_APPLIED);
        }
        try (JdbcGrantLedger ledger = JdbcGrantLedger.open(url)) {
            expectGranted(ledger, "10000.00");
            // The cap is used up, in this open of the ledger as in the last.
            expect(engine.evaluate(application("ars-3", "4000"), ledger),
                    Outcome.REJECTED, "0.00", ReasonCode.ARS_EMPLOYEE_CAP_EXHAUSTED);
            // An appeal withdraws the first grant: its 6 000 kr no longer count.
            check(ledger.withdraw("ars-1"), "ars-1 could not be withdrawn");
            expectGranted(ledger, "4000.00");
            expect(engine.evaluate(application("ars-4", "4000"), ledger), Outcome.APPROVED, "2000.00", null);
            expectGranted(ledger, "6000.00");
        }
    }

    private static GrantCase application(String caseId, String cost) {
        return new GrantCase(caseId, EMPLOYER, EMPLOYEE, EmployeeCondition.REDUCED_WORK_CAPACITY,
                new GrantProvider("P-1", true),
                List.of(new Measure(MeasureKind.INVESTIGATE, LocalDate.of(2025, 4, 2), new BigDecimal(cost))),
                LocalDate.of(2025, 9, 1), null);
    }

    private void expect(Decision d, Outcome outcome, String amount, ReasonCode code) {
        System.out.println(d.caseId() + ": " + d.outcome() + ", " + d.amount() + " kr"
                + (d.findings().isEmpty() ? "" : " (" + d.findings().get(0).code() + ")"));
        check(d.outcome() == outcome, d.caseId() + ": " + d.outcome() + ", expected " + outcome);
        check(d.amount().compareTo(new BigDecimal(amount)) == 0, d.caseId() + ": " + d.amount() + " kr, expected " + amount);
        check(code == null || d.has(code), d.caseId() + ": no finding " + code + " in " + d.findings());
    }

    private void expectGranted(JdbcGrantLedger ledger, String amount) {
        BigDecimal granted = ledger.granted(EMPLOYER, EMPLOYEE, 2025);
        System.out.println("granted to " + EMPLOYEE + " in 2025: " + granted + " kr");
        check(granted.compareTo(new BigDecimal(amount)) == 0, "granted " + granted + " kr, expected " + amount);
    }

    private void check(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
    }
}
