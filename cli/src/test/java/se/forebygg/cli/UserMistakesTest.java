package se.forebygg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's mistake is named as theirs: one line on standard error naming the thing at fault (file, URL,
 * option, value) and what to do, exit status 64 — never "internal failure", never a stack trace, and
 * never 2, which says that some case was bad input.
 */
class UserMistakesTest {

    @TempDir
    Path dir;

    private static EvaluateCommandTest.Run run(String... args) {
        return EvaluateCommandTest.run(null, args);
    }

    private static void usageError(EvaluateCommandTest.Run run, String expected) {
        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("internal failure").doesNotContain("Exception")
                .isEqualTo(expected);
    }

    @Test
    void aDirectoryOrAMissingFileWhereCasesBelongIsNamed() {
        usageError(run("evaluate", dir.toString()), "forebygg: " + dir + " is a directory: give a file of cases in it");
        usageError(run("explain", dir.resolve("nosuch.jsonl").toString()), "forebygg: no such file: "
                + dir.resolve("nosuch.jsonl") + " (give a file of cases, or '-' for standard input)");
        usageError(run("replay", dir.toString()), "forebygg: " + dir + " is a directory: give an audit log (evaluate"
                + " --audit-log) in it");
    }

    @Test
    void aLedgerUrlThatIsNoneOrMisspeltIsNamedBeforeAnythingIsCreated() throws Exception {
        usageError(run("evaluate", "--ledger", "./x", EvaluateCommandTest.DEMO.toString()), "forebygg: no database driver"
                + " for ./x: the ledger takes jdbc:h2:file:PATH or jdbc:postgresql://HOST[:PORT]/DATABASE");
        String typo = "jdbc:h2:flie:" + dir.resolve("x");
        usageError(run("evaluate", "--ledger", typo, EvaluateCommandTest.DEMO.toString()), "forebygg: " + typo
                + ": 'flie:' is no kind of H2 database: use jdbc:h2:file:PATH (a file; e.g. jdbc:h2:file:./forebygg-ledger)"
                + " or jdbc:h2:mem:NAME (in memory)");
        try (var left = Files.list(dir)) {
            assertThat(left).as("nothing created").isEmpty();
        }
    }

    @Test
    void aWhatIfValueIsBlamedNotTheShippedFileAndARateOf900PercentIsRefused() {
        String demo = EvaluateCommandTest.DEMO.toString();
        usageError(run("simulate", demo, "--set", "sicknessBenefitRate=0,9"), "forebygg simulate: --set"
                + " sicknessBenefitRate=0,9: the value '0,9' of sicknessBenefitRate: expected a number, got \"0,9\""
                + " (see 'forebygg simulate --help')");
        usageError(run("simulate", demo, "--set", "sicknessBenefitRate=9"), "forebygg simulate: --set"
                + " sicknessBenefitRate=9: the value '9' of sicknessBenefitRate: 9 is outside the range of"
                + " sicknessBenefitRate (share, 0 to 1) (see 'forebygg simulate --help')");
    }

    @Test
    void aWrongOptionIsOneLineWithWhereToReadMore() {
        usageError(run("evaluate", "--ledgr=x", "y"), "forebygg evaluate: Unknown option: '--ledgr=x'; did you mean"
                + " --ledger? (see 'forebygg evaluate --help')");
    }

    @Test
    void everyCommandListsItsExitStatusesInItsHelp() {
        for (String[] command : new String[][] {{"evaluate"}, {"explain"}, {"simulate"}, {"replay"}, {"serve"},
                {"generate"}, {"rules", "check"}, {"rules", "test"}, {"ledger", "withdraw"}, {"ledger", "show"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            EvaluateCommandTest.Run help = run(args);
            assertThat(help.status()).isZero();
            String text = String.join("\n", help.lines());
            assertThat(text).as(String.join(" ", command)).contains("Exit status:")
                    .containsPattern("\n  0 +\\S").contains("  64   a usage error, the user's to fix");
        }
        assertThat(String.join("\n", run("evaluate", "--help").lines()))
                .contains("  2    some case was bad input");
    }
}
