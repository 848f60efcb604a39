package se.forebygg.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Forebygg;
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

/** Warm single decisions on one thread, full findings and calculation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SingleDecisionBenchmark {
    private Forebygg engine;
    private PreventiveCase compensation;
    private ProviderApprovalCase provider;

    @Setup
    public void setUp() {
        engine = Forebygg.create();
        compensation = compensationOfTenDays();
        provider = new ProviderApprovalCase("prv-b", LocalDate.of(2025, 1, 10), List.of(Competence.PHYSICIAN,
                Competence.NURSE, Competence.WORK_ORGANISATION, Competence.HEALTH_SCIENCE, Competence.TECHNOLOGY));
    }

    /** A PSB compensation case of ten claimed days at mixed levels. */
    static PreventiveCase compensationOfTenDays() {
        List<ClaimDay> days = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 3, 3);
        for (int i = 0; i < 10; i++) {
            days.add(new ClaimDay(start.plusDays(i), 60 + 40 * i, 15, 30, 480));
        }
        return new PreventiveCase("psb-b", Step.COMPENSATION, LocalDate.of(2025, 3, 20),
                new Insured(new BigDecimal("420000"), Occupation.EMPLOYED), new Risk(new BigDecimal("0.5")),
                new Plan(PlanKind.MEDICAL_TREATMENT, Purpose.PREVENT_ILLNESS, true, true, 10), new Claim(days));
    }

    @Benchmark
    public Decision droolsPreventiveCompensation() {
        return engine.evaluate(compensation);
    }

    @Benchmark
    public Decision droolsProviderApproval() {
        return engine.evaluate(provider);
    }
}
