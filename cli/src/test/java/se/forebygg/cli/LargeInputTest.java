package se.forebygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import se.forebygg.testkit.SwedishIds;

/**
 * 200 MB through {@code evaluate -} in a child JVM limited to 128 MB of heap: the command streams
 * (memory stays flat) and every case is still decided or answered with an error in its place. The
 * input is generated on the fly into the child's standard input, never written to disk: lines of
 * about 100 KB (a long unknown field, which the contract allows) keep the number of decisions, and so
 * the run time, small.
 */
class LargeInputTest {
    static final long TARGET_BYTES = 200L << 20;
    static final int PADDING = 100_000;
    /** Every 10th line is a grant (held until the end, then decided in submission order), every 97th bad. */
    static final int GRANT_EVERY = 10;
    static final int BAD_EVERY = 97;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoHundredMegabytesStreamThroughA128MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "evaluate", "-")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String padding = "x".repeat(PADDING);
        CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
            int lines = 0;
            long written = 0;
            try (OutputStream in = child.getOutputStream()) {
                while (written < TARGET_BYTES) {
                    lines++;
                    String line = line(lines, padding) + "\n";
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    in.write(bytes);
                    written += bytes.length;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return lines;
        });
        List<String> mismatches = new ArrayList<>();
        int results = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String result;
            while ((result = out.readLine()) != null) {
                results++;
                boolean shouldBeBad = results % BAD_EVERY == 0;
                String expectedId = "\"caseId\":\"" + (shouldBeBad ? "bad-" : results % GRANT_EVERY == 0 ? "ars-" : "prv-") + results + "\"";
                boolean ok = result.contains(expectedId)
                        && (shouldBeBad ? result.contains("\"error\":{\"line\":" + results + ",") : result.contains("\"outcome\""));
                if (!ok && mismatches.size() < 5) {
                    mismatches.add(results + ": " + result.substring(0, Math.min(300, result.length())));
                }
            }
        }
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child finished");
        int lines = writer.get();
        assertTrue(mismatches.isEmpty(), mismatches.toString());
        assertEquals(lines, results);
        assertEquals(ExitCodes.BAD_INPUT, child.exitValue(), "exit status");
    }

    private static String line(int n, String padding) {
        if (n % BAD_EVERY == 0) {
            return "{\"type\":\"provider-approval\",\"caseId\":\"bad-" + n + "\",\"decisionDate\":\"2025-02-30\","
                    + "\"note\":\"" + padding + "\",\"competences\":[\"PHYSICIAN\"]}";
        }
        if (n % GRANT_EVERY == 0) {
            return "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"ars-" + n + "\",\"employerId\":\"" + SwedishIds.employer(n % 7)
                    + "\",\"employeeId\":\"" + SwedishIds.employee(n % 13) + "\",\"employeeCondition\":\"REDUCED_WORK_CAPACITY\","
                    + "\"note\":\"" + padding + "\",\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},"
                    + "\"measures\":[{\"kind\":\"INVESTIGATE\",\"performedOn\":\"2025-04-02\",\"amountPaid\":" + (1000 + n)
                    + "}],\"submittedOn\":\"2025-" + (n % 2 == 0 ? "09" : "10") + "-01\"}";
        }
        return "{\"type\":\"provider-approval\",\"caseId\":\"prv-" + n + "\",\"decisionDate\":\"2025-01-10\","
                + "\"note\":\"" + padding + "\",\"competences\":[\"PHYSICIAN\",\"NURSE\",\"TECHNOLOGY\"]}";
    }
}
