package se.forebygg.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.forebygg.engine.Case;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.engine.Result;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.reference.ReferenceEvaluator;

/**
 * JSON end to end on {@value BatchBenchmark#CASES} mixed cases as JSON Lines held in memory: read
 * with {@link CaseReader}, decide as a batch on one thread, write one line per result with {@link ForebyggJson}.
 * Score: cases per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class JsonEndToEndBenchmark {
    private Forebygg engine;
    private ReferenceEvaluator reference;
    private ObjectMapper mapper;
    private byte[] input;

    @Setup
    public void setUp() throws IOException {
        engine = Forebygg.builder().threads(1).build();
        reference = ReferenceEvaluator.standard();
        mapper = ForebyggJson.newMapper();
        input = CasesFile.jsonLines(Samples.mixed(BatchBenchmark.CASES, 42), mapper);
    }

    @Benchmark
    @OperationsPerInvocation(BatchBenchmark.CASES)
    public long droolsJsonLines() throws IOException {
        return write(engine.decideAll(Input.all(read()), InMemoryGrantLedger.forOneRun()).stream().map(Result::orThrow).toList());
    }

    @Benchmark
    @OperationsPerInvocation(BatchBenchmark.CASES)
    public long referenceJsonLines() throws IOException {
        return write(reference.evaluateBatch(read()));
    }

    private List<Case> read() throws IOException {
        List<Case> cases = new ArrayList<>(BatchBenchmark.CASES);
        try (CaseReader reader = CaseReader.open(new InputStreamReader(new ByteArrayInputStream(input),
                StandardCharsets.UTF_8))) {
            while (reader.hasNext()) {
                cases.add(((Input.Read) reader.next()).aCase());
            }
        }
        return cases;
    }

    private long write(List<?> results) throws IOException {
        Counting out = new Counting();
        for (Object result : results) {
            out.write(ForebyggJson.toLine(mapper, result));
            out.write('\n');
        }
        return out.chars;
    }

    /** A writer that only counts, so the benchmark measures producing the text, not storing it. */
    private static final class Counting extends Writer {
        long chars;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
        }

        @Override
        public void write(String s) {
            chars += s.length();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
