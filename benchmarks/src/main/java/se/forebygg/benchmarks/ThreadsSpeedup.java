package se.forebygg.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import se.forebygg.cli.Main;
import se.forebygg.engine.Case;
import se.forebygg.engine.Input;
import se.forebygg.grant.GrantCase;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.reference.ReferenceEvaluator;
import se.forebygg.reference.Verdict;

/**
 * The second thread's speed-up on a whole file, 1 and 2 threads alternating in one warm JVM:
 * {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar se.forebygg.benchmarks.ThreadsSpeedup 100000 8}.
 *
 * <p>{@link FileBenchmark} measures each thread count in a fork of its own, one after the other; on a shared
 * two-core machine whose speed drifts by a third over minutes, that drift lands in the ratio. Here each round
 * runs {@code forebygg evaluate --threads 1} and {@code --threads 2} back to back (which goes first alternates),
 * after {@value #WARM_UP} rounds to warm up, and the ratio is taken of the medians and, per round, of the pair.
 * Output to a null stream, as in {@link FileBenchmark}. Prints each run's wall and CPU time.
 *
 * <p>The plain-Java reference runs in the same rounds, as the machine's ceiling: the same file split, before
 * the clock starts, into two lanes that share nothing (every other case but a grant; the grants by employer),
 * each lane read, decided by the {@link ReferenceEvaluator} and written as JSON Lines, {@value #REFERENCE_PASSES}
 * times, both lanes on one thread or each on its own. Whatever keeps its second thread below 2× (a second
 * core that is not a whole one, memory shared by both) holds the engine back as well.
 */
public final class ThreadsSpeedup {
    private static final int WARM_UP = 4;
    /** The reference's passes over its lanes per run: long enough (seconds) to time like the engine's runs. */
    private static final int REFERENCE_PASSES = 3;

    private ThreadsSpeedup() {
    }

    public static void main(String[] args) throws IOException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path file = Files.createTempFile("forebygg-threads-speedup", ".jsonl");
        PrintStream report = System.out;
        try {
            CasesFile.main(new String[] {Integer.toString(cases), file.toString()});
            byte[][] lanes = lanes(file);
            report.printf("reference lanes: %,d and %,d bytes%n", lanes[0].length, lanes[1].length);
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            for (int round = 0; round < WARM_UP; round++) {
                run(file, 1);
                run(file, 2);
                reference(lanes, 1);
                reference(lanes, 2);
            }
            List<Double> one = new ArrayList<>();
            List<Double> two = new ArrayList<>();
            List<Double> referenceOne = new ArrayList<>();
            List<Double> referenceTwo = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double[] pair = new double[3];
                double[] referencePair = new double[3];
                for (int threads : round % 2 == 0 ? new int[] {1, 2} : new int[] {2, 1}) {
                    double[] run = run(file, threads);
                    pair[threads] = run[0];
                    report.printf("round %d, %d thread%s: %.2f s wall, %.2f s CPU%n",
                            round + 1, threads, threads == 1 ? "" : "s", run[0], run[1]);
                    double[] plain = reference(lanes, threads);
                    referencePair[threads] = plain[0];
                    report.printf("round %d, reference, %d thread%s: %.2f s wall, %.2f s CPU%n",
                            round + 1, threads, threads == 1 ? "" : "s", plain[0], plain[1]);
                }
                one.add(pair[1]);
                two.add(pair[2]);
                referenceOne.add(referencePair[1]);
                referenceTwo.add(referencePair[2]);
                report.printf("round %d: speed-up %.2f, reference %.2f%n", round + 1, pair[1] / pair[2],
                        referencePair[1] / referencePair[2]);
            }
            double medianOne = median(one);
            double medianTwo = median(two);
            double referenceSpeedUp = median(referenceOne) / median(referenceTwo);
            report.printf("%d cases, %d rounds: median 1 thread %.2f s, 2 threads %.2f s, speed-up %.2f%n",
                    cases, rounds, medianOne, medianTwo, medianOne / medianTwo);
            report.printf("reference: median 1 thread %.2f s, 2 threads %.2f s, speed-up %.2f (the engine reaches %.0f %% of it)%n",
                    median(referenceOne), median(referenceTwo), referenceSpeedUp, 100 * (medianOne / medianTwo - 1) / (referenceSpeedUp - 1));
        } finally {
            System.setOut(report);
            Files.deleteIfExists(file);
        }
    }

    /** One {@code forebygg evaluate} of the file: seconds of wall time and of the process's CPU time. */
    private static double[] run(Path file, int threads) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        int status = Main.run("evaluate", file.toString(), "--threads", Integer.toString(threads));
        if (status != 0) {
            throw new IllegalStateException("forebygg evaluate exited with " + status);
        }
        return new double[] {(System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
    }

    /**
     * The file's lines in two lanes that share nothing: the cases other than grants alternately, the grants by
     * employer (all of an employer's in one lane, as their caps count them together).
     */
    private static byte[][] lanes(Path file) throws IOException {
        ObjectMapper mapper = ForebyggJson.newMapper();
        ByteArrayOutputStream[] lanes = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        int other = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Case aCase = mapper.readValue(line, Case.class);
            int lane = aCase instanceof GrantCase grant ? Math.floorMod(grant.employerId().hashCode(), 2) : other++ % 2;
            lanes[lane].write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new byte[][] {lanes[0].toByteArray(), lanes[1].toByteArray()};
    }

    /**
     * The reference's run: each lane read, decided ({@link ReferenceEvaluator#evaluateBatch}) and written as JSON
     * Lines to a counting stream, {@value #REFERENCE_PASSES} times; both lanes on this thread, or the second on a
     * thread of its own. Seconds of wall time and of the process's CPU time.
     */
    private static double[] reference(byte[][] lanes, int threads) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        long[] written = new long[2];
        Thread second = new Thread(() -> written[1] = referenceLane(lanes[1]), "reference-lane");
        if (threads == 2) {
            second.start();
        }
        written[0] = referenceLane(lanes[0]);
        try {
            if (threads == 2) {
                second.join();
            } else {
                second.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (written[0] == 0 || written[1] == 0) {
            throw new IllegalStateException("a reference lane wrote nothing");
        }
        return new double[] {(System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
    }

    private static long referenceLane(byte[] lane) {
        ObjectMapper mapper = ForebyggJson.newMapper();
        ReferenceEvaluator reference = ReferenceEvaluator.standard();
        long written = 0;
        try {
            for (int pass = 0; pass < REFERENCE_PASSES; pass++) {
                List<Case> cases = new ArrayList<>();
                try (CaseReader reader = CaseReader.open(new InputStreamReader(new ByteArrayInputStream(lane), StandardCharsets.UTF_8))) {
                    while (reader.hasNext()) {
                        cases.add(((Input.Read) reader.next()).aCase());
                    }
                }
                CountingStream out = new CountingStream();
                for (Verdict verdict : reference.evaluateBatch(cases)) {
                    out.write(mapper.writeValueAsBytes(verdict));
                    out.write('\n');
                }
                written += out.count;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** Counts the bytes written to it, and keeps none. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
