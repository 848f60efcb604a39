package se.forebygg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Grant applications with valid Swedish identifiers, child JVMs, and what a forger of an audit log does. */
final class AuditFixtures {
    static final List<String> EMPLOYERS = List.of("556000-0001", "556000-0100", "556000-0209", "556000-0308",
            "556000-0407", "556000-0506");
    static final List<String> EMPLOYEES = List.of("19850101-0014", "19900215-1232", "19780630-4569", "19650505-3212",
            "19930909-1115");
    private static final List<String> KINDS = List.of("INVESTIGATE", "PLAN", "IMPLEMENT", "FOLLOW_UP");

    private AuditFixtures() {
    }

    /** Application number {@code i} (its employer, employee, amounts and date follow from i), with {@code measures} measures. */
    static String grant(String caseId, int i, int measures) {
        StringBuilder m = new StringBuilder();
        for (int j = 0; j < measures; j++) {
            m.append(j == 0 ? "" : ",").append("{\"kind\":\"").append(KINDS.get(j % KINDS.size()))
                    .append("\",\"performedOn\":\"2025-").append(String.format("%02d-%02d", 1 + j % 8, 1 + j % 28))
                    .append("\",\"amountPaid\":").append(measures == 1 ? 3000 + 37 * i : 40 + j).append('}');
        }
        return "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"" + caseId + "\",\"employerId\":\""
                + EMPLOYERS.get(i % EMPLOYERS.size()) + "\",\"employeeId\":\"" + EMPLOYEES.get(i / EMPLOYERS.size() % EMPLOYEES.size())
                + "\",\"employeeCondition\":\"REDUCED_WORK_CAPACITY\",\"provider\":{\"id\":\"P-3\",\"approvedByAgency\":true},"
                + "\"measures\":[" + m + "],\"submittedOn\":\"2025-09-" + String.format("%02d", 1 + i % 28) + "\"}";
    }

    /** The demo file's cases other than grants (preventive sickness benefit, provider approval). */
    static List<String> otherCases() throws IOException {
        return Files.readAllLines(EvaluateCommandTest.DEMO).stream()
                .filter(l -> !l.isBlank() && !l.contains("workplace-rehabilitation-grant")).toList();
    }

    /** Runs {@code forebygg ARGS} in a JVM of its own, working in {@code dir}, its output discarded; {@code shell} runs first (e.g. a ulimit), or null. */
    static Process cli(Path dir, String shell, String... args) throws IOException {
        ProcessBuilder child = ChildJvm.forebygg(dir, args).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (shell != null) {
            child.command().addAll(0, List.of("bash", "-c", shell + "; exec \"$@\"", "forebygg"));
        }
        return child.start();
    }

    static String sha256(String line) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a forger without a key does after editing a log: numbers its lines again and recomputes every prev. */
    static List<String> rechain(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        String prev = sha256(out.get(0));
        for (int i = 1; i < out.size(); i++) {
            out.set(i, out.get(i).replaceFirst("^\\{\"seq\":\\d+,\"prev\":\"[^\"]*\"",
                    "{\"seq\":" + (i + 1) + ",\"prev\":\"" + prev + "\""));
            prev = sha256(out.get(i));
        }
        return out;
    }
}
