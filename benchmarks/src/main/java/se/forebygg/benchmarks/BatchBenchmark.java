package se.forebygg.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.engine.Result;
import se.forebygg.reference.ReferenceEvaluator;
import se.forebygg.reference.Verdict;

/**
 * A mixed batch of {@value #CASES} cases (PSB, grants with a shared ledger, provider approvals), decided on
 * {@code threads} threads ({@link Forebygg.Builder#threads}): 1 for the ratio to the reference (one thread
 * too), 2 for the speed-up; grants through the ledger {@code forebygg evaluate} decides an input through
 * ({@link InMemoryGrantLedger#forOneRun()}: sums per room, as the reference keeps). Score: cases per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class BatchBenchmark {
    static final int CASES = 10_000;

    /** The engine's threads. */
    @Param({"1", "2"})
    public int threads;

    private Forebygg engine;
    private ReferenceEvaluator reference;
    private List<Case> cases;

    @Setup
    public void setUp() {
        engine = Forebygg.builder().threads(threads).build();
        reference = ReferenceEvaluator.standard();
        cases = Samples.mixed(CASES, 42);
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public List<Decision> droolsMixedBatch() {
        return engine.decideAll(Input.all(cases), InMemoryGrantLedger.forOneRun()).stream().map(Result::orThrow).toList();
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public List<Verdict> referenceMixedBatch() {
        return reference.evaluateBatch(cases);
    }
}
