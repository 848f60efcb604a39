package se.forebygg.reference;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.forebygg.engine.Case;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.ReasonCode;
import se.forebygg.engine.Severity;
import se.forebygg.grant.EmployeeCondition;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.Measure;
import se.forebygg.grant.MeasureKind;
import se.forebygg.parameters.Parameters;
import se.forebygg.preventive.ClaimDay;
import se.forebygg.preventive.Occupation;
import se.forebygg.preventive.PlanKind;
import se.forebygg.preventive.PreventiveCase;
import se.forebygg.preventive.Step;
import se.forebygg.provider.Competence;
import se.forebygg.provider.ProviderApprovalCase;

/**
 * The rulebook written out once more in plain Java, straight from {@code rulebook.md} and the JSON
 * contract, sharing nothing with the DRL but the contract types and the parameter table. Tests and
 * benchmarks compare the engine against it; it is deliberately simple rather than fast. It reads the
 * parameters by name ({@link Parameters#value}), never through the rules' parameter records, and works
 * out the combined figures (SGI floor and ceiling, daily and hourly amounts) itself.
 */
public final class ReferenceEvaluator {
    private static final Set<Competence> OTHER_COMPETENCES = EnumSet.of(Competence.WORK_ORGANISATION,
            Competence.HEALTH_SCIENCE, Competence.BEHAVIOURAL_SCIENCE, Competence.PHYSIOTHERAPY, Competence.TECHNOLOGY);
    private static final Set<MeasureKind> EXTENDED_KINDS = EnumSet.of(MeasureKind.PLAN, MeasureKind.IMPLEMENT,
            MeasureKind.FOLLOW_UP);

    private static final HolidayManager SWEDEN =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));

    private final Parameters parameters;
    /** Granted so far, keyed "employer|year" and "employer|employee|year". */
    private final Map<String, BigDecimal> granted = new HashMap<>();

    public ReferenceEvaluator(Parameters parameters) {
        this.parameters = parameters;
    }

    public static ReferenceEvaluator standard() {
        return new ReferenceEvaluator(Parameters.standard());
    }

    /** Every case on its own: a grant counts only its {@code alreadyGranted}. */
    public Verdict evaluateAlone(Case c) {
        return new ReferenceEvaluator(parameters).evaluate(c);
    }

    /** A batch: grants by submittedOn then caseId, each counting against the later ones; verdicts in input order. */
    public List<Verdict> evaluateBatch(List<? extends Case> cases) {
        ReferenceEvaluator batch = new ReferenceEvaluator(parameters);
        Verdict[] out = new Verdict[cases.size()];
        List<Integer> grants = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i) instanceof GrantCase) {
                grants.add(i);
            } else {
                out[i] = batch.evaluate(cases.get(i));
            }
        }
        grants.sort(Comparator.comparing((Integer i) -> ((GrantCase) cases.get(i)).submittedOn())
                .thenComparing(i -> ((GrantCase) cases.get(i)).caseId()));
        for (int i : grants) {
            out[i] = batch.evaluate(cases.get(i));
        }
        return List.of(out);
    }

    /** One case against this evaluator's running totals (which a grant adds to). */
    public Verdict evaluate(Case c) {
        if (c instanceof GrantCase g) {
            return grant(g);
        }
        if (c instanceof PreventiveCase p) {
            return preventive(p);
        }
        if (c instanceof ProviderApprovalCase p) {
            return provider(p);
        }
        throw new IllegalArgumentException(c.getClass().getName());
    }

    // ---- workplace rehabilitation grant (rulebook section 2) ----

    private Verdict grant(GrantCase c) {
        Findings f = new Findings();
        LocalDate first = c.measures().stream().map(Measure::performedOn).min(Comparator.naturalOrder()).orElseThrow();
        int year = first.getYear();
        BigDecimal shareOfCost = parameters.value("grantShareOfCost", first);
        BigDecimal capPerApplication = parameters.value("grantCapPerApplication", first);
        BigDecimal capPerEmployee = parameters.value("grantCapPerEmployee", first);
        BigDecimal capPerEmployer = parameters.value("grantCapPerEmployer", first);
        LocalDate yearlyCapsInForce = parameters.value("grantYearlyCapsInForce", first);
        MonthDay applicationDeadline = parameters.value("applicationDeadline", first);

        if (c.employeeCondition() == EmployeeCondition.NONE) {                          // ARS-1
            f.add(ReasonCode.ARS_NO_WORK_CAPACITY_RISK, Severity.REJECTION);
        }
        if (!c.provider().approvedByAgency()) {                                          // ARS-4
            f.add(ReasonCode.ARS_PROVIDER_NOT_APPROVED, Severity.REJECTION);
        }
        BigDecimal covered = BigDecimal.ZERO;
        int coveredCount = 0;
        boolean coveredUnderYearlyCaps = false;
        Set<ReasonCode> exclusions = EnumSet.noneOf(ReasonCode.class);
        for (Measure m : c.measures()) {
            if (m.kind() == MeasureKind.TREATMENT) {                                     // ARS-2
                exclusions.add(ReasonCode.ARS_TREATMENT_EXCLUDED);
            } else if (EXTENDED_KINDS.contains(m.kind())
                    && m.performedOn().isBefore(parameters.<LocalDate>value("extendedMeasuresInForce", m.performedOn()))) { // ARS-3
                exclusions.add(ReasonCode.ARS_MEASURE_NOT_IN_FORCE);
            } else {
                covered = covered.add(m.amountPaid());
                coveredCount++;
                coveredUnderYearlyCaps |= !m.performedOn().isBefore(yearlyCapsInForce);
            }
        }
        for (ReasonCode code : exclusions) {
            f.add(code, coveredCount > 0 ? Severity.REDUCTION : Severity.REJECTION);
        }
        if (coveredCount > 0 && covered.signum() == 0) {                                 // ARS-5a
            f.add(ReasonCode.ARS_NOTHING_PAID, Severity.REJECTION);
        }
        // ARS-5: half, kept to the öre; an odd öre is not paid (never more than half).
        BigDecimal half = covered.multiply(shareOfCost).setScale(2, RoundingMode.FLOOR);

        String employerKey = c.employerId() + "|" + year;
        String employeeKey = c.employerId() + "|" + c.employeeId() + "|" + year;
        BigDecimal limit;
        if (first.isBefore(yearlyCapsInForce) && !coveredUnderYearlyCaps) {      // ARS-10
            limit = capPerApplication;
            if (limit.compareTo(half) < 0) {
                f.add(ReasonCode.ARS_APPLICATION_CAP_APPLIED, Severity.REDUCTION);
            }
        } else {
            BigDecimal employeeRoom = capPerEmployee
                    .subtract(granted.getOrDefault(employeeKey, BigDecimal.ZERO))
                    .subtract(c.alreadyGranted().employee()).max(BigDecimal.ZERO);
            BigDecimal employerRoom = capPerEmployer
                    .subtract(granted.getOrDefault(employerKey, BigDecimal.ZERO))
                    .subtract(c.alreadyGranted().employer()).max(BigDecimal.ZERO);
            if (employeeRoom.compareTo(half) < 0) {                                       // ARS-6
                f.add(employeeRoom.signum() == 0 ? ReasonCode.ARS_EMPLOYEE_CAP_EXHAUSTED : ReasonCode.ARS_EMPLOYEE_CAP_APPLIED,
                        employeeRoom.signum() == 0 ? Severity.REJECTION : Severity.REDUCTION);
            }
            if (employerRoom.compareTo(half) < 0) {                                       // ARS-7
                f.add(employerRoom.signum() == 0 ? ReasonCode.ARS_EMPLOYER_CAP_EXHAUSTED : ReasonCode.ARS_EMPLOYER_CAP_APPLIED,
                        employerRoom.signum() == 0 ? Severity.REJECTION : Severity.REDUCTION);
            }
            limit = employeeRoom.min(employerRoom);
        }
        LocalDate deadline = nextSwedishWeekday(LocalDate.of(year + 1, applicationDeadline.getMonth(),
                applicationDeadline.getDayOfMonth()));                                // ARS-8a
        if (c.submittedOn().isAfter(deadline)) {                                          // ARS-8
            f.add(ReasonCode.ARS_LATE_APPLICATION, Severity.REJECTION);
        }
        BigDecimal amount = f.rejected() ? BigDecimal.ZERO : half.min(limit);
        granted.merge(employerKey, amount, BigDecimal::add);
        granted.merge(employeeKey, amount, BigDecimal::add);
        return f.verdict(amount);
    }

    /**
     * ARS-8a (lag (1930:173) 2 §): {@code day}, or the next day that is neither a Saturday nor a Sunday
     * nor in Jollyday's Swedish calendar (the allmänna helgdagar, midsommarafton, julafton, nyårsafton).
     */
    private static LocalDate nextSwedishWeekday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                || SWEDEN.isHoliday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    // ---- preventive sickness benefit (rulebook section 1) ----

    private Verdict preventive(PreventiveCase c) {
        Findings f = new Findings();
        Law atDecision = law(c.decisionDate());
        boolean compensation = c.step() == Step.COMPENSATION;
        if (c.plan().kind() != PlanKind.MEDICAL_TREATMENT && c.plan().kind() != PlanKind.MEDICAL_REHABILITATION) {
            f.add(ReasonCode.PSB_NOT_MEDICAL, Severity.REJECTION);                       // PSB-1
        }
        if (c.plan().purpose() == null) {
            f.add(ReasonCode.PSB_NO_PREVENTIVE_PURPOSE, Severity.REJECTION);             // PSB-2
        }
        if (!c.plan().orderedByPhysician()) {
            f.add(ReasonCode.PSB_NOT_ORDERED_BY_PHYSICIAN, Severity.REJECTION);          // PSB-3
        }
        if (compensation && !c.plan().approvedByAgency()) {
            f.add(ReasonCode.PSB_PLAN_NOT_APPROVED, Severity.REJECTION);                 // PSB-4
        }
        if (c.plan().sessions() < atDecision.minimumPlanSessions()) {
            f.add(ReasonCode.PSB_SINGLE_VISIT, Severity.REJECTION);                      // PSB-5
        }
        if (c.risk().expectedWorkCapacityReduction().compareTo(atDecision.minimumRiskReduction()) < 0) {
            f.add(ReasonCode.PSB_RISK_BELOW_QUARTER, Severity.REJECTION);                // PSB-6
        }
        // PSB-7/7a/8: SGI in each parameter period of the claimed days (at PLAN_APPROVAL: the decision date).
        List<ClaimDay> days = compensation ? c.claim().days() : List.of();
        Set<Law> periods = new LinkedHashSet<>();
        if (compensation) {
            days.forEach(d -> periods.add(law(d.date())));
        } else {
            periods.add(atDecision);
        }
        BigDecimal income = c.insured().annualIncome();
        Map<Law, BigDecimal> sgiOf = new HashMap<>();
        boolean noSgiSomewhere = false;
        for (Law p : periods) {
            BigDecimal floor = p.priceBaseAmount().multiply(p.sgiFloorShare());
            BigDecimal ceiling = p.priceBaseAmount().multiply(p.sgiCeilingFactor());
            BigDecimal rounded = income.divide(p.sgiRoundingUnit(), 0, RoundingMode.FLOOR).multiply(p.sgiRoundingUnit());
            if (income.compareTo(floor) < 0) {
                noSgiSomewhere = true;
                continue;
            }
            BigDecimal sgi = rounded;
            if (rounded.compareTo(ceiling) > 0) {
                f.add(ReasonCode.PSB_SGI_CAPPED, Severity.INFO);
                sgi = ceiling;
            }
            sgiOf.put(p, sgi);
        }
        // PSB-9/9a/10: each day's level; PSB-11a/11b: its method, by its day in a run of consecutive claimed days.
        Set<LocalDate> claimed = new java.util.HashSet<>();
        days.forEach(d -> claimed.add(d.date()));
        Map<String, List<BigDecimal>> workingTimeGroups = new HashMap<>();
        List<Object[]> paying = new ArrayList<>();      // {day, level, period, groupKey or null}
        int qualifying = 0;
        for (ClaimDay d : days) {
            int absent = d.treatmentMinutes() == 0 ? 0 : d.treatmentMinutes() + d.preparationMinutes() + d.travelMinutes();
            Law p = law(d.date());
            BigDecimal level = BigDecimal.ZERO;
            for (BigDecimal candidate : p.benefitLevels()) {       // the highest level the day reaches
                BigDecimal needed = BigDecimal.valueOf(d.normalWorkingMinutes()).multiply(candidate);
                if (BigDecimal.valueOf(absent).compareTo(needed) >= 0) {
                    level = level.max(candidate);
                }
            }
            if (level.signum() == 0) {
                continue;
            }
            qualifying++;
            if (!sgiOf.containsKey(p)) {
                continue;
            }
            LocalDate start = d.date();
            while (claimed.contains(start.minusDays(1))) {
                start = start.minusDays(1);
            }
            long dayOfRun = java.time.temporal.ChronoUnit.DAYS.between(start, d.date()) + 1;
            boolean workingTime = c.insured().occupation() == Occupation.EMPLOYED
                    && dayOfRun <= p.workingTimeDaysPerSickPeriod();
            String group = workingTime ? start + "|" + level.toPlainString() + "|" + p : null;
            if (workingTime) {
                BigDecimal hours = BigDecimal.valueOf(d.normalWorkingMinutes()).divide(BigDecimal.valueOf(60), 10,
                        RoundingMode.HALF_UP).divide(p.workingHoursRoundingUnit(), 0, RoundingMode.HALF_UP)
                        .multiply(p.workingHoursRoundingUnit());
                workingTimeGroups.computeIfAbsent(group, k -> new ArrayList<>()).add(hours);
            }
            paying.add(new Object[] {d, level, p, group});
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Object[] day : paying) {
            BigDecimal level = (BigDecimal) day[1];
            Law p = (Law) day[2];
            BigDecimal yearly = sgiOf.get(p).multiply(p.sicknessBenefitShare()).multiply(p.sicknessBenefitRate());
            BigDecimal full;
            if (day[3] == null) {
                // PSB-11: SGI × 0.97 × 0.80 / 365, whole kronor, 50 öre up.
                full = yearly.divide(BigDecimal.valueOf(p.daysPerYear()), 0, RoundingMode.HALF_UP);
            } else {
                // PSB-11a: hourly amount × the group's hours / its days (28:13–14), whole kronor.
                BigDecimal hourly = yearly.divide(BigDecimal.valueOf(c.insured().annualWorkingHours()), 10,
                        RoundingMode.HALF_UP).divide(p.hourlyRateRoundingUnit(), 0, RoundingMode.HALF_UP)
                        .multiply(p.hourlyRateRoundingUnit());
                List<BigDecimal> group = workingTimeGroups.get((String) day[3]);
                BigDecimal hours = group.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                full = hourly.multiply(hours).divide(BigDecimal.valueOf(group.size()), 0, RoundingMode.HALF_UP);
            }
            total = total.add(full.multiply(level).setScale(0, RoundingMode.HALF_UP));
        }
        if (noSgiSomewhere) {
            f.add(ReasonCode.PSB_NO_SGI, !compensation ? Severity.WARNING
                    : paying.isEmpty() ? Severity.REJECTION : Severity.REDUCTION);
        }
        if (compensation) {
            if (qualifying == 0) {
                f.add(ReasonCode.PSB_DAY_BELOW_QUARTER, Severity.REJECTION);
            } else if (qualifying < days.size()) {
                f.add(ReasonCode.PSB_DAY_BELOW_QUARTER, Severity.REDUCTION);
            }
        }
        return f.verdict(compensation && !f.rejected() ? total : BigDecimal.ZERO);
    }

    // ---- provider approval (rulebook PRV-1 … PRV-3) ----

    private Verdict provider(ProviderApprovalCase c) {
        Findings f = new Findings();
        if (!c.competences().contains(Competence.PHYSICIAN)) {
            f.add(ReasonCode.PRV_NO_PHYSICIAN, Severity.REJECTION);
        }
        if (!c.competences().contains(Competence.NURSE)) {
            f.add(ReasonCode.PRV_NO_NURSE, Severity.REJECTION);
        }
        long others = c.competences().stream().filter(OTHER_COMPETENCES::contains).distinct().count();
        if (others < parameters.<Integer>value("providerMinimumOtherCompetences", c.decisionDate())) {
            f.add(ReasonCode.PRV_TOO_FEW_COMPETENCES, Severity.REJECTION);
        }
        return f.verdict(BigDecimal.ZERO);
    }

    /**
     * The preventive sickness benefit's numbers on one day, read by name. Days with equal numbers share
     * an SGI and may be paid together by working time: the reference's notion of "one parameter period".
     */
    private record Law(BigDecimal priceBaseAmount, BigDecimal sgiCeilingFactor, BigDecimal sgiFloorShare,
                       BigDecimal sgiRoundingUnit, BigDecimal sicknessBenefitShare, BigDecimal sicknessBenefitRate,
                       int daysPerYear, List<BigDecimal> benefitLevels, int workingTimeDaysPerSickPeriod,
                       BigDecimal hourlyRateRoundingUnit, BigDecimal workingHoursRoundingUnit,
                       BigDecimal minimumRiskReduction, int minimumPlanSessions) {
    }

    /** The numbers of each day read so far: read by name once per day, as the table never changes. */
    private final Map<LocalDate, Law> lawOn = new java.util.concurrent.ConcurrentHashMap<>();

    private Law law(LocalDate date) {
        return lawOn.computeIfAbsent(date, this::readLaw);
    }

    private Law readLaw(LocalDate date) {
        return new Law(parameters.value("priceBaseAmount", date), parameters.value("sgiCeilingFactor", date),
                parameters.value("sgiFloorShare", date), parameters.value("sgiRoundingUnit", date),
                parameters.value("sicknessBenefitShare", date), parameters.value("sicknessBenefitRate", date),
                parameters.<Integer>value("daysPerYear", date), parameters.value("benefitLevels", date),
                parameters.<Integer>value("workingTimeDaysPerSickPeriod", date),
                parameters.value("hourlyRateRoundingUnit", date), parameters.value("workingHoursRoundingUnit", date),
                parameters.value("minimumRiskReduction", date), parameters.<Integer>value("minimumPlanSessions", date));
    }

    private static final class Findings {
        private final Set<String> found = new LinkedHashSet<>();
        private boolean rejected;
        private boolean reduced;

        void add(ReasonCode code, Severity severity) {
            found.add(code + "/" + severity);
            rejected |= severity == Severity.REJECTION;
            reduced |= severity == Severity.REDUCTION;
        }

        boolean rejected() {
            return rejected;
        }

        Verdict verdict(BigDecimal amount) {
            Outcome outcome = rejected ? Outcome.REJECTED : reduced ? Outcome.PARTIALLY_APPROVED : Outcome.APPROVED;
            return new Verdict(outcome, (rejected ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.UNNECESSARY),
                    found);
        }
    }
}
