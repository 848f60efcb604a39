package se.forebygg.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.benchmarks.CasesFile;
import se.forebygg.cli.Main;

/**
 * The Spark job decides the same 100 000 generated cases exactly as {@code forebygg evaluate} does: the
 * same lines, byte for byte, in the same order. The cases are benchmarks' mixed ones: 40 % grant
 * applications of 200 employers spread over the whole input, so the caps bite and a grant decided out of
 * submission order, or without the earlier grants of its room, would come out differently.
 */
class EquivalenceTest {
    static final int CASES = 100_000;

    @TempDir
    Path dir;

    @Test
    void decidesTheGeneratedCasesAsTheCommandLine() throws Exception {
        LocalSpark.session();
        Path cases = dir.resolve("cases.jsonl");
        CasesFile.main(new String[] {String.valueOf(CASES), cases.toString()});

        // The command line (one thread) runs beside the job (two), so the test takes about the longer of the two.
        Path cli = dir.resolve("cli.jsonl");
        ExecutorService beside = Executors.newSingleThreadExecutor();
        long[] cliMillis = new long[1];
        Future<Integer> cliRun = beside.submit(() -> {
            long start = System.nanoTime();
            int status = LocalSpark.outputTo(cli, () -> Main.run("evaluate", cases.toString()));
            cliMillis[0] = (System.nanoTime() - start) / 1_000_000;
            return status;
        });
        long start = System.nanoTime();
        Path spark = dir.resolve("spark");
        int sparkStatus = SparkJob.run("evaluate", cases.toString(), spark.toString());
        long sparkMillis = (System.nanoTime() - start) / 1_000_000;
        int cliStatus = cliRun.get();
        beside.shutdown();
        System.err.printf("%,d cases: forebygg evaluate %,d ms, Spark local[2] %,d ms, side by side%n", CASES, cliMillis[0],
                sparkMillis);

        assertThat(sparkStatus).isEqualTo(cliStatus);
        List<Path> parts = LocalSpark.parts(spark);
        assertThat(parts).hasSizeGreaterThan(1); // more than one partition wrote: the order is across files too
        long compared = 0;
        long capped = 0;
        try (BufferedReader expected = Files.newBufferedReader(cli, StandardCharsets.UTF_8);
             BufferedReader actual = new BufferedReader(new InputStreamReader(new SequenceInputStream(
                     Collections.enumeration(streams(parts))), StandardCharsets.UTF_8))) {
            String want;
            while ((want = expected.readLine()) != null) {
                String got = actual.readLine();
                compared++;
                assertThat(got).as("line %d of the decisions", compared).isEqualTo(want);
                if (want.contains("ARS_EMPLOYER_CAP") || want.contains("ARS_EMPLOYEE_CAP")) {
                    capped++;
                }
            }
            assertThat(actual.readLine()).as("a line after the command line's last").isNull();
        }
        assertThat(compared).isEqualTo(CASES);
        assertThat(capped).as("decisions the yearly caps shaped").isGreaterThan(1000);
    }

    private static List<java.io.InputStream> streams(List<Path> parts) throws IOException {
        List<java.io.InputStream> streams = new ArrayList<>();
        for (Path part : parts) {
            streams.add(Files.newInputStream(part));
        }
        return streams;
    }
}
