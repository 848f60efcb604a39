package se.forebygg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.forebygg.audit.AuditLog;
import se.forebygg.audit.AuditReplay;
import se.forebygg.Forebygg;
import se.forebygg.ledger.jdbc.JdbcGrantLedger;

/**
 * {@code forebygg replay LOG [--ledger JDBC_URL]}: checks an audit log ({@link AuditReplay}): its hash
 * chain, every case decided again, the {@code recordedEarlier} claims, and with the ledger every grant
 * against the ledger's record and anchor.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Checks an audit log (evaluate --audit-log): reads every line, checks the hash chain, decides "
                + "every case again and, with --ledger, matches every grant and withdrawal with the ledger.",
                "A decision that differs is named field by field (outcome, amount, finding codes, findings, calculation, "
                        + "the parameter values it read); the findings' wording, rulesFired and rulesVersion are not "
                        + "compared. CHANGES and NOTE lines sum up what changed and why: with --rules DIR or --parameters "
                        + "FILE, replay compares two rule or parameter versions."})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LOG", description = "Audit log written by 'forebygg evaluate --audit-log'.")
    Path log;

    @Mixin
    EngineOptions options;

    @Option(names = "--ledger", paramLabel = "JDBC_URL",
            description = "The ledger the log's grants were recorded in: every grant line must match it, and every grant "
                    + "it anchors in this log must have its line.")
    String ledgerUrl;

    @Option(names = "--ledger-user", paramLabel = "USER", description = "Database user for --ledger.")
    String ledgerUser;

    @Option(names = "--ledger-password", paramLabel = "PASSWORD", defaultValue = "${env:FOREBYGG_LEDGER_PASSWORD}",
            description = "Database password for --ledger (default: environment variable FOREBYGG_LEDGER_PASSWORD).")
    String ledgerPassword;

    @Option(names = "--audit-key", paramLabel = "KEY", defaultValue = "${env:" + AuditLog.KEY_VARIABLE + "}",
            description = "Key of a keyed chain (default: environment variable " + AuditLog.KEY_VARIABLE + ").")
    String key;

    @Override
    public Integer call() throws Exception {
        Inputs.readable(log.toString(), "an audit log (evaluate --audit-log)");
        Forebygg engine = options.engine();
        AuditReplay.Summary summary;
        if (ledgerUrl == null) {
            summary = AuditReplay.check(log, engine, null, key, System.out::println);
        } else {
            try (JdbcGrantLedger ledger = JdbcGrantLedger.open(ledgerUrl, ledgerUser, ledgerPassword)) {
                summary = AuditReplay.check(log, engine, ledger, key, System.out::println);
            }
        }
        System.out.println(summary);
        return !summary.checksOut() ? ExitCodes.UNTRUSTED_LOG : summary.mismatches() > 0 ? ExitCodes.MISMATCH : ExitCodes.OK;
    }
}
