package se.forebygg.grant;

import se.forebygg.ledger.InMemoryGrantLedger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.Result;
import se.forebygg.reference.ReferenceEvaluator;
import se.forebygg.reference.Verdict;
import se.forebygg.testkit.CaseArbitraries;
import se.forebygg.testkit.SwedishIds;

/** Properties of the engine over generated cases, the reference evaluator as the oracle. */
class GrantPropertiesTest {
    private static final Forebygg ENGINE = Forebygg.create();
    private static final ReferenceEvaluator REFERENCE = ReferenceEvaluator.standard();
    private static final BigDecimal EMPLOYEE_CAP = new BigDecimal("10000");
    private static final BigDecimal EMPLOYER_CAP = new BigDecimal("200000");

    @Provide
    Arbitrary<Case> anyCase() {
        return CaseArbitraries.anyCase();
    }

    @Provide
    Arbitrary<List<GrantCase>> batches() {
        return CaseArbitraries.grantBatches();
    }

    @Provide
    Arbitrary<GrantCase> grants() {
        return CaseArbitraries.grantCases();
    }

    @Property(tries = 3000)
    void theEngineAgreesWithTheReferenceOnAnyCase(@ForAll("anyCase") Case c) {
        Decision decision = ENGINE.evaluate(c);
        Statistics.collect(c.type().id(), decision.outcome());
        assertThat(Verdict.of(decision)).as("%s", c).isEqualTo(REFERENCE.evaluateAlone(c));
    }

    @Property(tries = 300)
    void theEngineAgreesWithTheReferenceOnAnyBatch(@ForAll("batches") List<GrantCase> batch) {
        List<Verdict> engine = ENGINE.decideAll(Input.all(batch)).stream().map(Result::orThrow).toList().stream().map(Verdict::of).toList();
        assertThat(engine).isEqualTo(REFERENCE.evaluateBatch(batch));
    }

    @Property(tries = 300)
    void noSequenceOfApplicationsExceedsACap(@ForAll("batches") List<GrantCase> batch,
                                                   @ForAll @IntRange(min = 0, max = 200_000) int seeded) {
        List<GrantCase> fresh = batch.stream().map(c -> new GrantCase(c.caseId(), c.employerId(), c.employeeId(),
                c.employeeCondition(), c.provider(), c.measures(), c.submittedOn(), null)).toList();
        InMemoryGrantLedger ledger = new InMemoryGrantLedger();
        BigDecimal seed = BigDecimal.valueOf(seeded);
        for (GrantCase c : fresh) {
            seedEmployer(ledger, c, seed);
        }
        List<Decision> decisions = ENGINE.decideAll(Input.all(fresh), ledger).stream().map(Result::orThrow).toList();
        // Applications before the yearly caps (ARS-10) are limited per application only: the yearly caps
        // bind the applications under them, and the ledger of a year that holds no other kind.
        Map<String, BigDecimal> perEmployer = new HashMap<>();
        Map<String, BigDecimal> perEmployee = new HashMap<>();
        Set<String> yearsWithoutYearlyCaps = new HashSet<>();
        for (int i = 0; i < fresh.size(); i++) {
            GrantCase c = fresh.get(i);
            if (((GrantCalculation) decisions.get(i).calculation()).caps() == GrantCalculation.Caps.PER_APPLICATION) {
                yearsWithoutYearlyCaps.add(c.employerId() + "|" + c.year());
                continue;
            }
            perEmployer.merge(c.employerId() + "|" + c.year(), decisions.get(i).amount(), BigDecimal::add);
            perEmployee.merge(c.employerId() + "|" + c.employeeId() + "|" + c.year(), decisions.get(i).amount(), BigDecimal::add);
        }
        perEmployer.forEach((k, v) -> assertThat(v.add(seed)).as(k).isLessThanOrEqualTo(EMPLOYER_CAP));
        perEmployee.values().forEach(v -> assertThat(v).isLessThanOrEqualTo(EMPLOYEE_CAP));
        for (GrantCase c : fresh) {
            if (yearsWithoutYearlyCaps.contains(c.employerId() + "|" + c.year())) {
                continue;
            }
            assertThat(ledger.granted(c.employerId(), c.year())).isLessThanOrEqualTo(EMPLOYER_CAP);
            assertThat(ledger.granted(c.employerId(), c.employeeId(), c.year())).isLessThanOrEqualTo(EMPLOYEE_CAP);
        }
    }

    /**
     * Brings the ledger's total for {@code c}'s employer and year up to {@code seed} by recording grants
     * for other employees (at most 10 000 each, the employee cap), so the batch starts from that total.
     */
    private static void seedEmployer(GrantLedger ledger, GrantCase c, BigDecimal seed) {
        int n = 0;
        BigDecimal missing;
        while ((missing = seed.subtract(ledger.granted(c.employerId(), c.year()))).signum() > 0) {
            BigDecimal paid = missing.min(EMPLOYEE_CAP).multiply(BigDecimal.valueOf(2));
            GrantCase seeding = new GrantCase("seed-" + c.employerId() + "-" + c.year() + "-" + n,
                    c.employerId(), SwedishIds.employee(900_000 + n++), EmployeeCondition.REDUCED_WORK_CAPACITY,
                    new GrantProvider("P-seed", true),
                    List.of(new Measure(MeasureKind.INVESTIGATE, c.measures().get(0).performedOn(), paid)),
                    LocalDate.of(c.year(), 12, 31), null);
            Decision d = ENGINE.evaluate(seeding, ledger);
            if (d.amount().signum() == 0) {
                throw new AssertionError("cannot seed the ledger: " + d);
            }
        }
    }

    @Property(tries = 1000)
    void aGrantIsBetweenZeroAndHalfTheCoveredCostAndTheLeastOfHalfAndTheRooms(
            @ForAll("grants") GrantCase c) {
        Decision d = ENGINE.evaluate(c);
        GrantCalculation calc = (GrantCalculation) d.calculation();
        BigDecimal exactHalf = calc.coveredCost().divide(BigDecimal.valueOf(2));
        assertThat(d.amount()).isGreaterThanOrEqualTo(BigDecimal.ZERO).isLessThanOrEqualTo(exactHalf);
        assertThat(d.amount()).isEqualByComparingTo(calc.grant());
        if (d.outcome() != Outcome.REJECTED && calc.caps() == GrantCalculation.Caps.PER_APPLICATION) {
            assertThat(d.amount()).isEqualByComparingTo(calc.halfOfCost().min(calc.applicationCap()));
        } else if (d.outcome() != Outcome.REJECTED) {
            assertThat(d.amount()).isEqualByComparingTo(
                    calc.halfOfCost().min(calc.employeeRoomBefore()).min(calc.employerRoomBefore()));
        } else {
            assertThat(d.amount()).isEqualByComparingTo(BigDecimal.ZERO);
        }
    }

    @Property(tries = 300)
    void shufflingTheInputNeverChangesADecision(@ForAll("batches") List<GrantCase> batch,
                                                      @ForAll Random random) {
        List<GrantCase> shuffled = new ArrayList<>(batch);
        Collections.shuffle(shuffled, random);
        Map<String, Decision> before = byCaseId(ENGINE.decideAll(Input.all(batch)).stream().map(Result::orThrow).toList());
        Map<String, Decision> after = byCaseId(ENGINE.decideAll(Input.all(shuffled)).stream().map(Result::orThrow).toList());
        assertThat(after).isEqualTo(before);
    }

    /**
     * A ledger for one run (sums only) decides as one that keeps every decision, the batch decided in slices
     * through it; and it refuses an application it decided before, since it has no decision to give back.
     */
    @Property(tries = 200)
    void aLedgerForOneRunDecidesAsOneThatKeepsEveryDecision(@ForAll("batches") List<GrantCase> batch,
                                                           @ForAll @IntRange(min = 1, max = 7) int slice) {
        GrantLedger keeping = new InMemoryGrantLedger();
        GrantLedger oneRun = InMemoryGrantLedger.forOneRun();
        for (int from = 0; from < batch.size(); from += slice) {
            List<Input> part = Input.all(batch.subList(from, Math.min(batch.size(), from + slice)));
            assertThat(ENGINE.decideAll(part, oneRun).stream().map(Result::orThrow).toList())
                    .isEqualTo(ENGINE.decideAll(part, keeping).stream().map(Result::orThrow).toList());
        }
        GrantCase again = batch.get(0);
        assertThat(oneRun.granted(again.employerId(), again.year())).isEqualByComparingTo(keeping.granted(again.employerId(), again.year()));
        assertThat(oneRun.granted(again.employerId(), again.employeeId(), again.year()))
                .isEqualByComparingTo(keeping.granted(again.employerId(), again.employeeId(), again.year()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> oneRun.reserve(again))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(again.caseId());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> oneRun.history(again.caseId()))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> oneRun.withdraw(again.caseId()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * One employee's application split in two consecutive ones gives the same yearly total. The half
     * is rounded down to the öre per application, so when the first part's covered cost is an odd
     * number of öre the split may give one öre less; never more, never otherwise different.
     */
    @Property(tries = 500)
    void splittingAnApplicationNeverChangesTheEmployeesYearlyTotal(@ForAll("splittable") GrantCase c,
                                                                          @ForAll @IntRange(min = 1, max = 3) int anyCut) {
        int cut = Math.min(anyCut, c.measures().size() - 1);
        GrantCase whole = c;
        GrantCase first = new GrantCase(c.caseId() + "-a", c.employerId(), c.employeeId(), c.employeeCondition(),
                c.provider(), c.measures().subList(0, cut), c.submittedOn(), c.alreadyGranted());
        GrantCase second = new GrantCase(c.caseId() + "-b", c.employerId(), c.employeeId(), c.employeeCondition(),
                c.provider(), c.measures().subList(cut, c.measures().size()), c.submittedOn().plusDays(1),
                c.alreadyGranted());
        BigDecimal together = ENGINE.evaluate(whole).amount();
        List<Decision> split = ENGINE.decideAll(Input.all(List.of(second, first))).stream().map(Result::orThrow).toList();
        BigDecimal apart = split.get(0).amount().add(split.get(1).amount());
        BigDecimal firstCovered = ((GrantCalculation) split.get(1).calculation()).coveredCost();
        boolean evenOre = firstCovered.movePointRight(2).remainder(BigDecimal.valueOf(2)).signum() == 0;
        if (evenOre) {
            assertThat(apart).isEqualByComparingTo(together);
        } else {
            assertThat(together.subtract(apart)).isBetween(BigDecimal.ZERO, new BigDecimal("0.01"));
        }
    }

    @Property(tries = 200)
    void theCapsStartAfreshOnTheFirstOfJanuary(@ForAll @IntRange(min = 2018, max = 2024) int year,
                                                     @ForAll("bigAmounts") BigDecimal paid) {
        GrantCase december = application("dec", year, LocalDate.of(year, 12, 31), paid, LocalDate.of(year + 1, 1, 10));
        GrantCase january = application("jan", year + 1, LocalDate.of(year + 1, 1, 1), paid, LocalDate.of(year + 1, 1, 11));
        GrantCase december2 = application("dec2", year, LocalDate.of(year, 12, 31), paid, LocalDate.of(year + 1, 1, 12));
        List<Decision> d = ENGINE.decideAll(Input.all(List.of(december, january, december2))).stream().map(Result::orThrow).toList();
        assertThat(d.get(0).amount()).isEqualByComparingTo(EMPLOYEE_CAP);
        assertThat(d.get(1).amount()).isEqualByComparingTo(EMPLOYEE_CAP);
        assertThat(d.get(2).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.get(2).has(se.forebygg.engine.ReasonCode.ARS_EMPLOYEE_CAP_EXHAUSTED)).isTrue();
    }

    /**
     * Eligible, in time even a day later, at least two measures, under the yearly caps (before them,
     * ARS-10 limits each application on its own, so a split may give more): an application that can
     * be split.
     */
    @Provide
    Arbitrary<GrantCase> splittable() {
        return Arbitraries.integers().between(2019, CaseArbitraries.LAST_YEAR).flatMap(year ->
                CaseArbitraries.measures(year).filter(m -> m.size() >= 2).flatMap(measures -> Combinators.combine(
                CaseArbitraries.employers(), CaseArbitraries.employees(), Arbitraries.just(measures),
                Arbitraries.integers().between(0, (int) ChronoUnit.DAYS.between(CaseArbitraries.lastDay(measures),
                        LocalDate.of(year + 1, 1, 31))).map(d -> CaseArbitraries.lastDay(measures).plusDays(d)),
                CaseArbitraries.alreadyGranted())
                .as((employer, employee, ms, submitted, already) -> new GrantCase("ars-s", employer, employee,
                        EmployeeCondition.REDUCED_WORK_CAPACITY, new GrantProvider("P-1", true), ms, submitted,
                        already))));
    }

    @Provide
    Arbitrary<BigDecimal> bigAmounts() {
        return Arbitraries.oneOf(Arbitraries.of(new BigDecimal("20000"), new BigDecimal("20000.01")),
                Arbitraries.bigDecimals().between(new BigDecimal("20000"), new BigDecimal("100000")).ofScale(2));
    }

    private static GrantCase application(String id, int year, LocalDate on, BigDecimal paid, LocalDate submitted) {
        return new GrantCase(id, "556000-0019", "19600102-1002", EmployeeCondition.REDUCED_WORK_CAPACITY,
                new GrantProvider("P-1", true), List.of(new Measure(MeasureKind.INVESTIGATE, on, paid)), submitted, null);
    }

    private static Map<String, Decision> byCaseId(List<Decision> decisions) {
        Map<String, Decision> result = new HashMap<>();
        decisions.forEach(d -> result.put(d.caseId(), d));
        return result;
    }
}
