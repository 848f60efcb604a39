package se.forebygg.benchmarks;

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
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.reference.ReferenceEvaluator;
import se.forebygg.reference.Verdict;

/**
 * Warm single decisions on one thread (the JIT needs some 20 s of these to settle, hence the long warm-up): the engine with full findings, calculation and fired rules;
 * the reference evaluator with outcome, amount and finding codes. Score: decisions per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SingleDecisionBenchmark {
    private Forebygg engine;
    private ReferenceEvaluator reference;
    private Case compensation;
    private Case grant;
    private Case provider;

    @Setup
    public void setUp() {
        engine = Forebygg.create();
        reference = ReferenceEvaluator.standard();
        compensation = Samples.compensationOfTenDays();
        grant = Samples.grantApplication();
        provider = Samples.providerApproval();
    }

    @Benchmark
    public Decision droolsPsbCompensation() {
        return engine.evaluate(compensation);
    }

    @Benchmark
    public Verdict referencePsbCompensation() {
        return reference.evaluateAlone(compensation);
    }

    @Benchmark
    public Decision droolsGrant() {
        return engine.evaluate(grant);
    }

    @Benchmark
    public Verdict referenceGrant() {
        return reference.evaluateAlone(grant);
    }

    @Benchmark
    public Decision droolsProvider() {
        return engine.evaluate(provider);
    }

    @Benchmark
    public Verdict referenceProvider() {
        return reference.evaluateAlone(provider);
    }
}
