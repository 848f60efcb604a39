package se.forebygg.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import se.forebygg.cli.Main;

/**
 * {@code forebygg evaluate --threads N} over a file of {@code cases} JSON Lines ({@link CasesFile}: 40 % grant
 * applications of 200 employers, the rest preventive sickness benefit and provider approvals), in a warm JVM:
 * the whole command (reading, deciding, writing the results in input order, to a null output), N = 1 and 2 for
 * the speed-up of the second thread. A cold run of the command on two cores measures mostly the JIT compiler
 * (docs/performance.md, "Every core"). Score: seconds per run of the file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class FileBenchmark {
    @Param({"100000"})
    public int cases;

    @Param({"1", "2"})
    public int threads;

    private Path file;
    private PrintStream stdout;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("forebygg-file-benchmark", ".jsonl");
        CasesFile.main(new String[] {Integer.toString(cases), file.toString()});
        stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.setOut(stdout);
        Files.deleteIfExists(file);
    }

    @Benchmark
    public int evaluate() {
        int status = Main.run("evaluate", file.toString(), "--threads", Integer.toString(threads));
        if (status != 0) {
            throw new IllegalStateException("forebygg evaluate exited with " + status);
        }
        return status;
    }
}
