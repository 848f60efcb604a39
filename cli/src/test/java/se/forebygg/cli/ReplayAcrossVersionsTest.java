package se.forebygg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --rules DIR --parameters FILE}: a log decided again under other rules or parameters, compared
 * field by field, with what changed and why summed up.
 */
class ReplayAcrossVersionsTest {
    private static final Path SHIPPED = Path.of("../rules-drl/src/main/resources");
    private static final Path GRANT_PARAMETERS = SHIPPED.resolve("se/forebygg/rules/grant/parameters.yaml");

    @TempDir
    Path dir;
    private Path log;

    @BeforeEach
    void logTheDemo() {
        log = dir.resolve("audit.jsonl");
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "evaluate", "--audit-log", log.toString(),
                EvaluateCommandTest.DEMO.toString());
        assertThat(run.status()).as(run.err()).isZero();
    }

    @Test
    void anUnchangedCopyOfTheRulesDecidesAlikeAndOnlyItsVersionIsNoted() throws Exception {
        Path copy = dir.resolve("rules");
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(SHIPPED.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        EvaluateCommandTest.Run replay = EvaluateCommandTest.run(null, "replay", log.toString(), "--rules", copy.toString());
        assertThat(replay.status()).as(String.join("\n", replay.lines())).isZero();
        assertThat(replay.lines()).noneMatch(l -> l.startsWith("MISMATCH") || l.startsWith("CHANGES"));
        assertThat(replay.lines()).anySatisfy(l -> assertThat(l).startsWith("NOTE rules version now local-")
                .endsWith(": 21 decisions (not compared)"));
    }

    @Test
    void aChangedCapIsNamedOnEveryDecisionThatReadItAndSummedUp() throws Exception {
        Path parameters = dir.resolve("grant.yaml");
        String shipped = Files.readString(GRANT_PARAMETERS);
        String raised = shipped.replace("{ from: 2014-01-01, value: 10000, reference: \"7 § förordningen (2014:67)\" }",
                "{ from: 2014-01-01, value: 15000, reference: \"7 § förordningen (2014:67)\" }");
        assertThat(raised).isNotEqualTo(shipped);
        Files.writeString(parameters, raised);

        EvaluateCommandTest.Run replay = EvaluateCommandTest.run(null, "replay", log.toString(), "--parameters",
                parameters.toString());
        assertThat(replay.status()).isEqualTo(ExitCodes.MISMATCH);
        List<String> lines = replay.lines();
        // ars-0002 met the employee cap at 3 000 kr; with 15 000 kr it is paid half its cost.
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("MISMATCH line ").contains("(ars-0002): outcome "
                + "PARTIALLY_APPROVED → APPROVED; amount 3000.00 → 6250.25; codes -ARS_EMPLOYEE_CAP_APPLIED; "
                + "calculation.employeeRoomBefore 3000.00 → 8000.00").endsWith(
                "; parameters now differ: grantCapPerEmployee 10000 → 15000 (from 2014-01-01)"));
        assertThat(lines).contains("CHANGES outcome PARTIALLY_APPROVED → APPROVED: 1 decision",
                "CHANGES amount: 1 decision, paid 3000.00 logged, 6250.25 now (+3250.25)",
                "CHANGES code -ARS_EMPLOYEE_CAP_APPLIED: 1 decision",
                "CHANGES parameter grantCapPerEmployee 10000 → 15000 (from 2014-01-01): read by 11 decisions");
        long grants = lines.stream().filter(l -> l.startsWith("MISMATCH")).count();
        assertThat(grants).as("every grant read the cap; nothing else did").isEqualTo(11);
    }
}
