package se.forebygg.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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

/**
 * jqwik generators of valid cases of every type, aimed at the rulebook's edges (amounts around
 * twice the employee cap and the cap per application, nothing paid, rooms of one öre and none, the
 * deadline day, the weekday it moves to and the days after, 29 February, the day the extended
 * measure kinds and the yearly caps came into force). Host projects can use them to
 * property-test their integration:
 *
 * <pre>{@code
 * @Property
 * void neverMoreThanHalf(@ForAll("grants") GrantCase c) { … }
 *
 * @Provide
 * Arbitrary<GrantCase> grants() { return CaseArbitraries.grantCases(); }
 * }</pre>
 *
 * Every date lies inside the shipped parameter table (2014–2026).
 */
public final class CaseArbitraries {
    /** Years whose measures can be decided with the shipped parameters. */
    public static final int FIRST_YEAR = 2014;
    public static final int LAST_YEAR = 2025;

    private CaseArbitraries() {
    }

    // ---- workplace rehabilitation grant ----

    /** A valid grant application; employers and employees come from small pools so that they meet. */
    public static Arbitrary<GrantCase> grantCases() {
        return years().flatMap(year -> measures(year).flatMap(measures -> Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(6).map(s -> "ars-" + s),
                employers(), employees(), conditions(),
                providers(), Arbitraries.just(measures), submissions(year, lastDay(measures)), alreadyGranted())
                .as(GrantCase::new)));
    }

    /** The day of the last of {@code measures}: an application is never submitted before it (IN-1). */
    public static LocalDate lastDay(List<Measure> measures) {
        return measures.stream().map(Measure::performedOn).max(LocalDate::compareTo).orElseThrow();
    }

    /**
     * Applications a batch can hold together: unique caseIds, employers and employees shared, and
     * most of them in time and eligible so that the caps matter.
     */
    public static Arbitrary<List<GrantCase>> grantBatches() {
        return grantCases().list().ofMinSize(1).ofMaxSize(25).map(CaseArbitraries::numbered);
    }

    /** {@code cases} with caseIds made unique (their order keeps no relation to the list order). */
    public static List<GrantCase> numbered(List<GrantCase> cases) {
        List<GrantCase> result = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            result.add(withCaseId(cases.get(i), cases.get(i).caseId() + "-" + i));
        }
        return result;
    }

    public static GrantCase withCaseId(GrantCase c, String caseId) {
        return new GrantCase(caseId, c.employerId(), c.employeeId(), c.employeeCondition(), c.provider(),
                c.measures(), c.submittedOn(), c.alreadyGranted());
    }

    public static Arbitrary<Integer> years() {
        return Arbitraries.integers().between(FIRST_YEAR, LAST_YEAR);
    }

    public static Arbitrary<String> employers() {
        return Arbitraries.of("556000-0019", "556000-0027", "556000-0035");
    }

    public static Arbitrary<String> employees() {
        return Arbitraries.of("19600102-1002", "19600103-1001", "19600104-1000", "19600105-1009", "19600106-1008");
    }

    public static Arbitrary<EmployeeCondition> conditions() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.of(EmployeeCondition.REDUCED_WORK_CAPACITY,
                        EmployeeCondition.AT_RISK_OF_REDUCED_WORK_CAPACITY)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(EmployeeCondition.NONE)));
    }

    public static Arbitrary<GrantProvider> providers() {
        return Combinators.combine(Arbitraries.of("P-1", "P-2", "P-3"),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(9, true), net.jqwik.api.Tuple.of(1, false)))
                .as(GrantProvider::new);
    }

    /** One to four measures, all in {@code year}; now and then all paid nothing (ARS-5a). */
    public static Arbitrary<List<Measure>> measures(int year) {
        Arbitrary<MeasureKind> kinds = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(3, MeasureKind.INVESTIGATE), net.jqwik.api.Tuple.of(2, MeasureKind.PLAN),
                net.jqwik.api.Tuple.of(2, MeasureKind.INITIATE), net.jqwik.api.Tuple.of(2, MeasureKind.IMPLEMENT),
                net.jqwik.api.Tuple.of(2, MeasureKind.FOLLOW_UP), net.jqwik.api.Tuple.of(1, MeasureKind.TREATMENT));
        Arbitrary<List<Measure>> any = Combinators.combine(kinds, daysIn(year), amountsPaid()).as(Measure::new)
                .list().ofMinSize(1).ofMaxSize(4);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, any),
                net.jqwik.api.Tuple.of(1, any.map(ms -> ms.stream()
                        .map(m -> new Measure(m.kind(), m.performedOn(), BigDecimal.ZERO)).toList())));
    }

    /** Days of {@code year}, often 1 Jan, 31 Dec, 29 Feb (leap years), 30 Jun and 1 Jul. */
    public static Arbitrary<LocalDate> daysIn(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        List<LocalDate> edges = new ArrayList<>(List.of(first, LocalDate.of(year, 12, 31),
                LocalDate.of(year, 6, 30), LocalDate.of(year, 7, 1)));
        if (first.isLeapYear()) {
            edges.add(LocalDate.of(year, 2, 29));
        }
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, first.lengthOfYear() - 1).map(first::plusDays),
                Arbitraries.of(edges));
    }

    /** Kronor exact to the öre, often at the edges around twice the employee cap and the cap per application. */
    public static Arbitrary<BigDecimal> amountsPaid() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60000")).ofScale(2),
                Arbitraries.integers().between(0, 30000).map(BigDecimal::valueOf),
                Arbitraries.of(new BigDecimal("0"), new BigDecimal("0.01"), new BigDecimal("19999.98"),
                        new BigDecimal("19999.99"), new BigDecimal("20000"), new BigDecimal("20000.01"),
                        new BigDecimal("20000.02"), new BigDecimal("14000"), new BigDecimal("14000.01"),
                        new BigDecimal("14000.02")));
    }

    /**
     * Submission days on or after {@code last} (the last measure's day): mostly in time, often on
     * 1 February of the next year, the weekday it moves to when it is a weekend or holiday (ARS-8a)
     * and the days around both, sometimes late.
     */
    public static Arbitrary<LocalDate> submissions(int year, LocalDate last) {
        LocalDate deadline = LocalDate.of(year + 1, Month.FEBRUARY, 1);
        List<LocalDate> edges = new ArrayList<>();
        for (LocalDate d : List.of(deadline.minusDays(1), deadline, deadline.plusDays(1), deadline.plusDays(2),
                deadline.plusDays(3), deadline.plusDays(4), LocalDate.of(year, 12, 31), last)) {
            if (!d.isBefore(last)) {
                edges.add(d);
            }
        }
        int inTime = (int) ChronoUnit.DAYS.between(last, deadline);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(edges)),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, inTime).map(last::plusDays)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 200).map(deadline::plusDays)));
    }

    /** Often absent (zeros); otherwise at the edges of both caps or anywhere below them. */
    public static Arbitrary<AlreadyGranted> alreadyGranted() {
        Arbitrary<BigDecimal> employee = Arbitraries.oneOf(
                Arbitraries.of(BigDecimal.ZERO, new BigDecimal("9999.99"), new BigDecimal("10000")),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10000")).ofScale(2));
        Arbitrary<BigDecimal> employer = Arbitraries.oneOf(
                Arbitraries.of(BigDecimal.ZERO, new BigDecimal("199999.99"), new BigDecimal("200000"),
                        new BigDecimal("195000")),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("200000")).ofScale(2));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(AlreadyGranted.NONE)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(employee, employer).as(AlreadyGranted::new)));
    }

    // ---- preventive sickness benefit ----

    public static Arbitrary<PreventiveCase> preventiveCases() {
        Arbitrary<LocalDate> decisionDates = Arbitraries.integers().between(0, 12 * 365 + 200)
                .map(d -> LocalDate.of(2014, 3, 5).plusDays(d));
        return decisionDates.flatMap(decided -> Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(6).map(s -> "psb-" + s),
                Arbitraries.of(Step.class), Arbitraries.just(decided), insured(), risks(), plans(), claims(decided))
                .as(PreventiveCase::new));
    }

    static Arbitrary<Insured> insured() {
        Arbitrary<BigDecimal> incomes = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 1_000_000).map(BigDecimal::valueOf),
                Arbitraries.of(new BigDecimal("0"), new BigDecimal("14111"), new BigDecimal("14112"),
                        new BigDecimal("483000"), new BigDecimal("483099"), new BigDecimal("588000"),
                        new BigDecimal("700000")));
        // Employees need annual working hours at COMPENSATION; every generated insured has them, at the
        // edges (1, 8 784), typical full and part time, and anything between.
        Arbitrary<Integer> hours = Arbitraries.oneOf(
                Arbitraries.of(1, 1040, 1560, 1976, 2080, 2080, 2080, 8784),
                Arbitraries.integers().between(1, 8784));
        return Combinators.combine(incomes, Arbitraries.of(Occupation.class), hours).as(Insured::new);
    }

    static Arbitrary<Risk> risks() {
        return Arbitraries.oneOf(
                Arbitraries.of(new BigDecimal("0.24"), new BigDecimal("0.25"), new BigDecimal("0.5"), BigDecimal.ONE),
                Arbitraries.bigDecimals().between(new BigDecimal("0.2"), BigDecimal.ONE).ofScale(2)).map(Risk::new);
    }

    static Arbitrary<Plan> plans() {
        return Combinators.combine(
                Arbitraries.frequency(net.jqwik.api.Tuple.of(4, PlanKind.MEDICAL_TREATMENT),
                        net.jqwik.api.Tuple.of(4, PlanKind.MEDICAL_REHABILITATION),
                        net.jqwik.api.Tuple.of(1, PlanKind.WELLNESS), net.jqwik.api.Tuple.of(1, PlanKind.OTHER)),
                Arbitraries.of(Purpose.class).injectNull(0.1),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(9, true), net.jqwik.api.Tuple.of(1, false)),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(9, true), net.jqwik.api.Tuple.of(1, false)),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 1, 2)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(2, 12))))
                .as(Plan::new);
    }

    /**
     * Days up to 60 days before {@code decided} (decisions start late enough to stay in the table):
     * either one to five scattered days, or a run of consecutive days around the 14-day limit of a
     * sjukperiod (PSB-11b), sometimes broken by one gap.
     */
    static Arbitrary<Claim> claims(LocalDate decided) {
        Arbitrary<Integer> minutes = Arbitraries.oneOf(Arbitraries.integers().between(0, 400),
                Arbitraries.of(0, 30, 60, 120, 240, 360, 480));
        Arbitrary<Integer> normal = Arbitraries.of(120, 240, 360, 400, 440, 450, 470, 480, 500);
        Arbitrary<ClaimDay> dayShape = Combinators.combine(minutes, minutes, minutes, normal)
                .as((t, p, tr, n) -> new ClaimDay(decided, t, p / 4, tr / 2, n));
        Arbitrary<Claim> scattered = Combinators.combine(Arbitraries.integers().between(0, 60), minutes, minutes,
                        minutes, normal)
                .as((back, t, p, tr, n) -> new ClaimDay(decided.minusDays(back), t, p / 4, tr / 2, n))
                .list().ofMinSize(1).ofMaxSize(5).uniqueElements(ClaimDay::date)
                .map(Claim::new);
        Arbitrary<Claim> runs = Combinators.combine(Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(12, 17), Arbitraries.integers().between(-1, 16),
                        dayShape.list().ofSize(18))
                .as((back, length, gapAt, shapes) -> {
                    java.util.List<ClaimDay> days = new java.util.ArrayList<>();
                    LocalDate first = decided.minusDays(back + length + 1L);
                    for (int i = 0; i < length; i++) {
                        ClaimDay shape = shapes.get(i);
                        LocalDate date = first.plusDays(i < gapAt || gapAt < 0 ? i : i + 1L);
                        days.add(new ClaimDay(date, shape.treatmentMinutes(), shape.preparationMinutes(),
                                shape.travelMinutes(), shape.normalWorkingMinutes()));
                    }
                    return new Claim(days);
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scattered), net.jqwik.api.Tuple.of(1, runs));
    }

    // ---- provider approval ----

    public static Arbitrary<ProviderApprovalCase> providerCases() {
        return Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(6).map(s -> "prv-" + s),
                Arbitraries.integers().between(0, 12 * 365).map(d -> LocalDate.of(2014, 1, 1).plusDays(d)),
                Arbitraries.of(Competence.class).list().ofMaxSize(9))
                .as(ProviderApprovalCase::new);
    }

    /** Any valid case of the three types. */
    public static Arbitrary<Case> anyCase() {
        return Arbitraries.oneOf(grantCases(), preventiveCases(), providerCases());
    }
}
