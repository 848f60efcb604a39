package se.forebygg.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import se.forebygg.engine.Case;
import se.forebygg.grant.AlreadyGranted;
import se.forebygg.grant.EmployeeCondition;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantProvider;
import se.forebygg.grant.Measure;
import se.forebygg.grant.MeasureKind;
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
import se.forebygg.testkit.SwedishIds;

/**
 * The cases the benchmarks decide: three fixed single cases and a deterministic mixed batch (same
 * seed, same cases), so that every run and both evaluators see the same input.
 */
public final class Samples {
    private static final Competence[] COMPETENCES = Competence.values();
    private static final MeasureKind[] MEASURES = MeasureKind.values();

    private Samples() {
    }

    /** A PSB compensation case of ten claimed days at mixed levels. */
    public static PreventiveCase compensationOfTenDays() {
        List<ClaimDay> days = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 3, 3);
        for (int i = 0; i < 10; i++) {
            days.add(new ClaimDay(start.plusDays(i), 60 + 40 * i, 15, 30, 480));
        }
        return new PreventiveCase("psb-b", Step.COMPENSATION, LocalDate.of(2025, 3, 20),
                new Insured(new BigDecimal("420000"), Occupation.EMPLOYED, 2080), new Risk(new BigDecimal("0.5")),
                new Plan(PlanKind.MEDICAL_TREATMENT, Purpose.PREVENT_ILLNESS, true, true, 10), new Claim(days));
    }

    /** A grant application of three measures, one of them treatment (left out), with earlier grants. */
    public static GrantCase grantApplication() {
        return new GrantCase("ars-b", "556000-0001", "19850101-0014", EmployeeCondition.AT_RISK_OF_REDUCED_WORK_CAPACITY,
                new GrantProvider("prov-1", true),
                List.of(new Measure(MeasureKind.INVESTIGATE, LocalDate.of(2024, 3, 4), new BigDecimal("8000.50")),
                        new Measure(MeasureKind.IMPLEMENT, LocalDate.of(2024, 4, 8), new BigDecimal("12000")),
                        new Measure(MeasureKind.TREATMENT, LocalDate.of(2024, 5, 6), new BigDecimal("3000"))),
                LocalDate.of(2024, 9, 1), new AlreadyGranted(new BigDecimal("2000"), new BigDecimal("50000")));
    }

    public static ProviderApprovalCase providerApproval() {
        return new ProviderApprovalCase("prv-b", LocalDate.of(2025, 1, 10), List.of(Competence.PHYSICIAN,
                Competence.NURSE, Competence.WORK_ORGANISATION, Competence.HEALTH_SCIENCE, Competence.TECHNOLOGY));
    }

    /**
     * {@code n} valid cases: 40 % PSB (plan approvals and compensations of 1–10 days), 40 % grant
     * applications (employers and employees from small pools, so the caps bite), 20 % provider
     * approvals; dates 2019–2025. Case {@code i} depends only on {@code seed} and {@code i}.
     */
    public static List<Case> mixed(int n, long seed) {
        List<Case> cases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cases.add(mixedCase(i, seed));
        }
        return cases;
    }

    public static Case mixedCase(int i, long seed) {
        Random r = new Random(seed * 1_000_003L + i);
        int pick = r.nextInt(10);
        if (pick < 4) {
            return preventive(String.format("psb-%07d", i), r);
        }
        if (pick < 8) {
            return grant(String.format("ars-%07d", i), r);
        }
        return provider(String.format("prv-%07d", i), r);
    }

    private static LocalDate day(Random r) {
        return LocalDate.of(2019 + r.nextInt(7), 1, 1).plusDays(r.nextInt(330));
    }

    private static PreventiveCase preventive(String id, Random r) {
        LocalDate decided = day(r).plusDays(30);
        boolean compensation = r.nextInt(3) > 0;
        List<ClaimDay> days = new ArrayList<>();
        if (compensation) {
            int count = 1 + r.nextInt(10);
            for (int d = 0; d < count; d++) {
                days.add(new ClaimDay(decided.minusDays(1 + d * 2L), r.nextInt(400), r.nextInt(60), r.nextInt(90),
                        240 + 60 * r.nextInt(5)));
            }
        }
        PlanKind kind = r.nextInt(10) == 0 ? PlanKind.WELLNESS : PlanKind.MEDICAL_TREATMENT;
        return new PreventiveCase(id, compensation ? Step.COMPENSATION : Step.PLAN_APPROVAL, decided,
                new Insured(BigDecimal.valueOf(r.nextInt(800_000)), Occupation.values()[r.nextInt(3)], 1040 + r.nextInt(1041)),
                new Risk(BigDecimal.valueOf(20 + r.nextInt(81), 2)),
                new Plan(kind, Purpose.values()[r.nextInt(3)], r.nextInt(10) > 0, r.nextInt(10) > 0, r.nextInt(12)),
                compensation ? new Claim(days) : null);
    }

    private static GrantCase grant(String id, Random r) {
        LocalDate first = day(r);
        List<Measure> measures = new ArrayList<>();
        int count = 1 + r.nextInt(4);
        for (int m = 0; m < count; m++) {
            measures.add(new Measure(MEASURES[r.nextInt(MEASURES.length)], first.plusDays(m * 7L),
                    BigDecimal.valueOf(100_000 + r.nextInt(2_000_000), 2)));
        }
        AlreadyGranted already = r.nextInt(4) == 0
                ? new AlreadyGranted(BigDecimal.valueOf(r.nextInt(10_000)), BigDecimal.valueOf(r.nextInt(200_000)))
                : null;
        return new GrantCase(id, SwedishIds.employer(r.nextInt(200)), SwedishIds.employee(r.nextInt(20)),
                EmployeeCondition.values()[r.nextInt(10) == 0 ? 2 : r.nextInt(2)],
                new GrantProvider("prov-" + r.nextInt(50), r.nextInt(10) > 0), measures,
                first.plusDays(60 + r.nextInt(400)), already);
    }

    private static ProviderApprovalCase provider(String id, Random r) {
        List<Competence> competences = new ArrayList<>();
        for (Competence c : COMPETENCES) {
            if (r.nextInt(4) > 0) {
                competences.add(c);
            }
        }
        return new ProviderApprovalCase(id, day(r), competences);
    }
}
