package se.forebygg.hostapp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import se.forebygg.Forebygg;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
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

public final class Quickstart {

    public static void main(String[] args) {
        Forebygg engine = Forebygg.create();    // loads rules and parameters once; share it between threads

        // Preventive sickness benefit: an employee's two treatment days of an approved plan.
        Decision psb = engine.evaluate(new PreventiveCase("psb-1", Step.COMPENSATION, LocalDate.of(2025, 3, 20),
                new Insured(new BigDecimal("420000"), Occupation.EMPLOYED, 2080),
                new Risk(new BigDecimal("0.5")),
                new Plan(PlanKind.MEDICAL_TREATMENT, Purpose.PREVENT_ILLNESS, true, true, 6),
                new Claim(List.of(new ClaimDay(LocalDate.of(2025, 3, 10), 180, 30, 40, 480),
                        new ClaimDay(LocalDate.of(2025, 3, 17), 45, 0, 20, 480)))));
        System.out.println(psb.caseId() + ": " + psb.outcome() + ", " + psb.amount() + " kr"); // PARTIALLY_APPROVED, 628.00 kr
        for (Finding f : psb.findings()) {
            System.out.println("  " + f.rule() + " (" + f.legalReference() + "): " + f.message());
        }

        // A workplace rehabilitation grant, counted against the employee's and employer's yearly caps
        // in a ledger that keeps them across runs (an H2 file here; PostgreSQL: jdbc:postgresql://…).
        String ledgerUrl = args.length > 0 ? args[0] : "jdbc:h2:file:./forebygg-ledger";
        try (JdbcGrantLedger ledger = JdbcGrantLedger.open(ledgerUrl)) {
            Decision grant = engine.evaluate(new GrantCase("ars-1", "556000-0001", "19850101-0014",
                    EmployeeCondition.REDUCED_WORK_CAPACITY, new GrantProvider("P-1", true),
                    List.of(new Measure(MeasureKind.INVESTIGATE, LocalDate.of(2025, 4, 2), new BigDecimal("16000"))),
                    LocalDate.of(2025, 9, 1), null), ledger);   // the same application again: its stored decision
            System.out.println(grant.caseId() + ": " + grant.outcome() + ", " + grant.amount() + " kr"); // APPROVED, 8000.00 kr
        }
    }
}
