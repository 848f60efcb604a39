package se.forebygg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forebygg ledger withdraw} and {@code ledger show}, as a shell user runs them after an appeal. */
class WithdrawCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path log;
    private String ledger;

    @BeforeEach
    void decideTheDemo() {
        log = dir.resolve("audit.jsonl");
        ledger = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "evaluate", "--ledger", ledger, "--audit-log",
                log.toString(), EvaluateCommandTest.DEMO.toString());
        assertThat(run.status()).as(run.err()).isZero();
    }

    @Test
    void aWithdrawnGrantFreesItsRoomForTheNextApplication() throws Exception {
        // ars-0001 was granted 7 000 kr of the employee's 10 000; ars-0002 then 3 000, the rest.
        String next = demo("ars-0002").replace("\"ars-0002\"", "\"ars-0002-b\"");
        Path file = dir.resolve("next.jsonl");
        Files.writeString(file, next + "\n");
        assertThat(roomBefore(file)).as("before the withdrawal, no room is left").isEqualByComparingTo("0");

        EvaluateCommandTest.Run withdrawn = EvaluateCommandTest.run(null, "ledger", "withdraw", "ars-0001", "--ledger",
                ledger, "--audit-log", log.toString(), "--reason", "appeal upheld 2026-03-02");
        assertThat(withdrawn.status()).as(withdrawn.err()).isZero();
        JsonNode record = JSON.readTree(withdrawn.lines().get(0));
        assertThat(record.get("caseId").asText()).isEqualTo("ars-0001");
        assertThat(record.at("/decision/amount").decimalValue()).isEqualByComparingTo("7000");
        assertThat(record.at("/withdrawal/reason").asText()).isEqualTo("appeal upheld 2026-03-02");
        assertThat(record.at("/withdrawal/anchor/line").asLong()).isEqualTo(Files.readAllLines(log).size());

        assertThat(roomBefore(file)).as("the 7 000 kr withdrawn are room again").isEqualByComparingTo("7000");
    }

    @Test
    void aGrantIsWithdrawnOnceAndAnUnknownCaseIdIsTheUsersMistake() {
        EvaluateCommandTest.Run first = EvaluateCommandTest.run(null, "ledger", "withdraw", "ars-0001", "--ledger", ledger);
        assertThat(first.status()).as(first.err()).isZero();
        EvaluateCommandTest.Run again = EvaluateCommandTest.run(null, "ledger", "withdraw", "ars-0001", "--ledger", ledger);
        assertThat(again.status()).isEqualTo(ExitCodes.NOTHING_RECORDED);
        assertThat(again.err()).contains("no grant counts under caseId ars-0001").contains("withdrawn already");
        EvaluateCommandTest.Run unknown = EvaluateCommandTest.run(null, "ledger", "withdraw", "ars-9999", "--ledger", ledger);
        assertThat(unknown.status()).isEqualTo(ExitCodes.NOTHING_RECORDED);
        assertThat(unknown.err()).contains("the ledger has no decision on it");
        EvaluateCommandTest.Run noLedger = EvaluateCommandTest.run(null, "ledger", "withdraw", "ars-0001");
        assertThat(noLedger.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(noLedger.err()).contains("--ledger JDBC_URL is required");

        EvaluateCommandTest.Run show = EvaluateCommandTest.run(null, "ledger", "show", "ars-0001", "--ledger", ledger);
        assertThat(show.status()).isZero();
        assertThat(show.lines()).singleElement().satisfies(l -> assertThat(l).contains("\"withdrawal\":{\"at\":"));
    }

    @Test
    void replayFindsEveryWithdrawalInTheLedgerAndATamperedOneDoesNot() throws Exception {
        EvaluateCommandTest.Run withdrawn = EvaluateCommandTest.run(null, "ledger", "withdraw", "ars-0002", "--ledger",
                ledger, "--audit-log", log.toString());
        assertThat(withdrawn.status()).as(withdrawn.err()).isZero();
        EvaluateCommandTest.Run replay = EvaluateCommandTest.run(null, "replay", log.toString(), "--ledger", ledger);
        assertThat(replay.status()).as(String.join("\n", replay.lines())).isZero();
        assertThat(replay.lines().get(replay.lines().size() - 1)).contains("0 ledger disagreements").endsWith("; 1 withdrawal");

        // Cut the withdrawal's line off the end: the ledger's withdrawal has no line any more.
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.remove(lines.size() - 1);
        Files.write(log, lines);
        EvaluateCommandTest.Run cut = EvaluateCommandTest.run(null, "replay", log.toString(), "--ledger", ledger);
        assertThat(cut.status()).isEqualTo(ExitCodes.UNTRUSTED_LOG);
        assertThat(cut.lines()).anySatisfy(l -> assertThat(l).startsWith("LEDGER ars-0002: the ledger's withdrawal is"
                + " anchored at seq " + (lines.size() + 1) + ", but the log ends at seq " + lines.size()));
    }

    /** The employee's room before {@code file}'s one application, as the ledger has it now. */
    private java.math.BigDecimal roomBefore(Path file) throws Exception {
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(null, "evaluate", "--ledger", ledger, file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        java.math.BigDecimal room = JSON.readTree(run.lines().get(0)).at("/calculation/employeeRoomBefore").decimalValue();
        // Undo the probe, so that the next look sees the ledger as it was.
        assertThat(EvaluateCommandTest.run(null, "ledger", "withdraw", "ars-0002-b", "--ledger", ledger).status()).isZero();
        return room;
    }

    private static String demo(String caseId) throws Exception {
        return Files.readAllLines(EvaluateCommandTest.DEMO).stream()
                .filter(l -> l.contains("\"caseId\":\"" + caseId + "\"")).findFirst().orElseThrow();
    }
}
