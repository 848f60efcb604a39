package se.forebygg.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import se.forebygg.cli.Main;

/**
 * The second thread's speed-up on a whole file, 1 and 2 threads alternating in one warm JVM:
 * {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar se.forebygg.benchmarks.ThreadsSpeedup 100000 8}.
 *
 * <p>{@link FileBenchmark} measures each thread count in a fork of its own, one after the other; on a shared
 * two-core machine whose speed drifts by a third over minutes, that drift lands in the ratio. Here each round
 * runs {@code forebygg evaluate --threads 1} and {@code --threads 2} back to back (which goes first alternates),
 * after {@value #WARM_UP} rounds to warm up, and the ratio is taken of the medians and, per round, of the pair.
 * Output to a null stream, as in {@link FileBenchmark}. Prints each run's wall and CPU time.
 */
public final class ThreadsSpeedup {
    private static final int WARM_UP = 4;

    private ThreadsSpeedup() {
    }

    public static void main(String[] args) throws IOException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path file = Files.createTempFile("forebygg-threads-speedup", ".jsonl");
        PrintStream report = System.out;
        try {
            CasesFile.main(new String[] {Integer.toString(cases), file.toString()});
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            for (int round = 0; round < WARM_UP; round++) {
                run(file, 1);
                run(file, 2);
            }
            List<Double> one = new ArrayList<>();
            List<Double> two = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double[] pair = new double[3];
                for (int threads : round % 2 == 0 ? new int[] {1, 2} : new int[] {2, 1}) {
                    double[] run = run(file, threads);
                    pair[threads] = run[0];
                    report.printf("round %d, %d thread%s: %.2f s wall, %.2f s CPU%n",
                            round + 1, threads, threads == 1 ? "" : "s", run[0], run[1]);
                }
                one.add(pair[1]);
                two.add(pair[2]);
                report.printf("round %d: speed-up %.2f%n", round + 1, pair[1] / pair[2]);
            }
            double medianOne = median(one);
            double medianTwo = median(two);
            report.printf("%d cases, %d rounds: median 1 thread %.2f s, 2 threads %.2f s, speed-up %.2f%n",
                    cases, rounds, medianOne, medianTwo, medianOne / medianTwo);
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

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
