package se.forebygg.preventive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.ReasonCode;
import se.forebygg.engine.Severity;
import se.forebygg.reference.ReferenceEvaluator;
import se.forebygg.reference.Verdict;
import se.forebygg.testkit.CaseArbitraries;

/**
 * Law version 2 of the preventive sickness benefit over generated cases, the reference evaluator as
 * the oracle: working time for an employee's first 14 days of a sjukperiod and calendar day after
 * (PSB-11a, PSB-11b), days paid together (28:14), SGI by each claimed day (PSB-7a). The statistics
 * check that the generators reach every one of those branches, so that agreement means something.
 */
class PreventivePropertiesTest {
    private static final Forebygg ENGINE = Forebygg.create();
    private static final ReferenceEvaluator REFERENCE = ReferenceEvaluator.standard();

    @Provide
    Arbitrary<PreventiveCase> preventiveCases() {
        return CaseArbitraries.preventiveCases();
    }

    @Property(tries = 3000)
    void theEngineAgreesWithTheReferenceOnAnyPreventiveCase(@ForAll("preventiveCases") PreventiveCase c) {
        Decision decision = ENGINE.evaluate(c);
        if (decision.calculation() instanceof PreventiveCalculation calc) {
            boolean laterDay = calc.days().stream().anyMatch(d -> d.method() == CalculationMethod.CALENDAR_DAY
                    && c.insured().occupation() == Occupation.EMPLOYED);
            boolean together = calc.days().stream().anyMatch(d -> d.groupDays() != null && d.groupDays() > 1);
            Statistics.label("employee's day after the 14th").collect(laterDay);
            Statistics.label("days paid together (28:14)").collect(together);
            Statistics.label("working time").collect(calc.days().stream()
                    .anyMatch(d -> d.method() == CalculationMethod.WORKING_TIME && d.amount().signum() > 0));
        }
        assertThat(Verdict.of(decision)).as("%s", c).isEqualTo(REFERENCE.evaluateAlone(c));
        Statistics.label("outcome").collect(decision.outcome());
        Statistics.label("employee's day after the 14th").coverage(checker -> checker.check(true).count(n -> n > 0));
        Statistics.label("days paid together (28:14)").coverage(checker -> checker.check(true).count(n -> n > 0));
        Statistics.label("working time").coverage(checker -> checker.check(true).count(n -> n > 0));
    }

    /**
     * Claims over a new year with an income between two years' SGI floors, so that one year has an
     * SGI and the other none (PSB-7a): days without SGI are refused alone, never the whole claim
     * while a day is paid.
     */
    @Provide
    Arbitrary<PreventiveCase> straddlingYears() {
        return Arbitraries.integers().between(2015, 2026).flatMap(year -> {
            LocalDate newYear = LocalDate.of(year, 1, 1);
            int lowerFloor = se.forebygg.parameters.Parameters.standard().on(se.forebygg.rules.preventive.PreventiveParameters.class, newYear.minusDays(1)).sgiFloor().intValue();
            int upperFloor = se.forebygg.parameters.Parameters.standard().on(se.forebygg.rules.preventive.PreventiveParameters.class, newYear).sgiFloor().intValue();
            // Mostly strictly between the two floors: one year has an SGI, the other none. Now and then
            // around them, where both years or neither have one.
            int low = Math.min(lowerFloor, upperFloor);
            int high = Math.max(lowerFloor, upperFloor);
            Arbitrary<BigDecimal> incomes = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(low + 1, high - 1)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(low - 200, high + 200)))
                    .map(BigDecimal::valueOf);
            // At least one day on each side of the new year, and up to four more anywhere near it.
            Arbitrary<List<Integer>> offsets = Combinators.combine(Arbitraries.integers().between(-6, -1),
                            Arbitraries.integers().between(0, 6),
                            Arbitraries.integers().between(-6, 6).list().ofMaxSize(4))
                    .as((before, after, more) -> java.util.stream.Stream.concat(java.util.stream.Stream.of(before, after),
                            more.stream()).distinct().toList());
            Arbitrary<Integer> minutes = Arbitraries.of(0, 60, 120, 240, 360, 480, 480);
            return Combinators.combine(incomes, Arbitraries.of(Occupation.class), offsets, minutes.list().ofSize(6))
                    .as((income, occupation, days, treatment) -> {
                        List<ClaimDay> claimed = new ArrayList<>();
                        for (int i = 0; i < days.size(); i++) {
                            claimed.add(new ClaimDay(newYear.plusDays(days.get(i)), treatment.get(i), 0, 30, 480));
                        }
                        return new PreventiveCase("psb-straddle", Step.COMPENSATION, newYear.plusDays(20),
                                new Insured(income, occupation, 2080), new Risk(new BigDecimal("0.5")),
                                new Plan(PlanKind.MEDICAL_TREATMENT, Purpose.PREVENT_ILLNESS, true, true, 4),
                                new Claim(claimed));
                    });
        });
    }

    @Property(tries = 1000)
    void aDayWithoutSgiIsRefusedAlone(@ForAll("straddlingYears") PreventiveCase c) {
        Decision decision = ENGINE.evaluate(c);
        assertThat(Verdict.of(decision)).as("%s", c).isEqualTo(REFERENCE.evaluateAlone(c));
        PreventiveCalculation calc = (PreventiveCalculation) decision.calculation();
        boolean someDayPaid = calc.days().stream().anyMatch(d -> d.amount().signum() > 0);
        decision.findings().stream().filter(f -> f.code() == ReasonCode.PSB_NO_SGI).forEach(f ->
                assertThat(f.severity()).isEqualTo(someDayPaid ? Severity.REDUCTION : Severity.REJECTION));
        boolean reduction = decision.findings().stream()
                .anyMatch(f -> f.code() == ReasonCode.PSB_NO_SGI && f.severity() == Severity.REDUCTION);
        Statistics.label("no SGI refused alone").collect(reduction);
        Statistics.label("no SGI refused alone").coverage(checker -> checker.check(true).percentage(p -> p >= 15));
    }
}
