package se.forebygg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.forebygg.Forebygg;
import se.forebygg.audit.AuditLog;
import se.forebygg.audit.Withdrawals;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.RecordedGrant;
import se.forebygg.grant.Withdrawal;

/**
 * {@code forebygg ledger withdraw CASEID --ledger URL} and {@code forebygg ledger show CASEID --ledger URL}:
 * the grant ledger's records, and withdrawing one (an appeal), audited.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "The grant ledger of --ledger: show a caseId's record, withdraw a grant.",
        subcommands = {LedgerCommand.Withdraw.class, LedgerCommand.Show.class})
final class LedgerCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: 'ledger withdraw' or 'ledger show'");
    }

    /** The ledger of {@code --ledger}, which these commands need: an in-memory one would hold nothing. */
    private static LedgerOptions.Opened open(LedgerOptions options, CommandLine.Model.CommandSpec spec) {
        if (options.url == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--ledger JDBC_URL is required: the ledger the grant was recorded in");
        }
        return options.open();
    }

    private static void print(ObjectMapper json, RecordedGrant grant) throws Exception {
        System.out.println(json.writeValueAsString(grant));
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            description = {"Withdraws the grant recorded under CASEID (an appeal): its amount no longer counts against the "
                    + "caps, and the caseId may be decided again. The ledger keeps the withdrawn decision with when and why; "
                    + "with --audit-log the withdrawal is logged before the ledger withdraws it (checked by 'forebygg replay').",
                    "Prints the withdrawn record as one JSON line: caseId, inputHash, decision, anchor (its audit line), "
                            + "withdrawal (at, reason, anchor). --ledger is required."})
    static final class Withdraw implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CASEID", description = "The caseId of the grant application.")
        String caseId;

        @Option(names = "--reason", paramLabel = "TEXT",
                description = "Why it is withdrawn (kept in the ledger and the audit log), e.g. 'appeal upheld, FK dnr 123'.")
        String reason;

        @Mixin
        LedgerOptions ledgerOptions;

        @Mixin
        AuditOptions auditOptions;

        @Override
        public Integer call() throws Exception {
            if (reason != null && reason.length() > Withdrawal.MAX_REASON_LENGTH) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reason has at most "
                        + Withdrawal.MAX_REASON_LENGTH + " characters, not " + reason.length());
            }
            try (LedgerOptions.Opened opened = open(ledgerOptions, spec);
                 AuditLog audit = auditOptions.auditLog == null ? null
                         : AuditLog.append(auditOptions.auditLog, Forebygg.create(), opened.ledger(), auditOptions.auditKey)) {
                GrantLedger ledger = audit == null ? opened.ledger() : audit.ledger();
                Optional<RecordedGrant> withdrawn = Withdrawals.withdraw(ledger, caseId, reason);
                if (withdrawn.isEmpty()) {
                    System.err.println("forebygg: no grant counts under caseId " + caseId + " in " + ledgerOptions.url
                            + withdrawnAlready(ledger.history(caseId)));
                    return ExitCodes.NOTHING_RECORDED;
                }
                print(AuditLog.mapper(), withdrawn.get());
                return ExitCodes.OK;
            }
        }

        private static String withdrawnAlready(List<RecordedGrant> history) {
            return history.isEmpty() ? ": the ledger has no decision on it"
                    : ": its decision" + (history.size() == 1 ? " was" : "s were") + " withdrawn already ('forebygg ledger show')";
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Prints every decision the ledger recorded under CASEID, oldest first, one JSON line each: the "
                    + "withdrawn ones (with their withdrawal), then the one that counts, if any. --ledger is required."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CASEID", description = "The caseId of the grant application.")
        String caseId;

        @Mixin
        LedgerOptions ledgerOptions;

        @Override
        public Integer call() throws Exception {
            try (LedgerOptions.Opened opened = open(ledgerOptions, spec)) {
                List<RecordedGrant> history = opened.ledger().history(caseId);
                if (history.isEmpty()) {
                    System.err.println("forebygg: the ledger " + ledgerOptions.url + " has no decision on caseId " + caseId);
                    return ExitCodes.NOTHING_RECORDED;
                }
                ObjectMapper json = AuditLog.mapper();
                for (RecordedGrant grant : history) {
                    print(json, grant);
                }
                return ExitCodes.OK;
            }
        }
    }
}
