package se.forebygg.cli;

import picocli.CommandLine.Option;
import se.forebygg.grant.GrantLedger;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.ledger.jdbc.JdbcGrantLedger;
import se.forebygg.ledger.jdbc.LedgerException;

/** {@code --ledger URL} and its credentials: where grants are recorded across runs. */
final class LedgerOptions {

    @Option(names = "--ledger", paramLabel = "JDBC_URL",
            description = {"Record grants in this database and count earlier ones against the caps, e.g. "
                    + "jdbc:h2:file:./forebygg-ledger (embedded, no server) or jdbc:postgresql://host/db.",
                    "Default: in memory, for this run only."})
    String url;

    @Option(names = "--ledger-user", paramLabel = "USER", description = "Database user for --ledger.")
    String user;

    @Option(names = "--ledger-password", paramLabel = "PASSWORD", defaultValue = "${env:FOREBYGG_LEDGER_PASSWORD}",
            description = "Database password for --ledger (default: environment variable FOREBYGG_LEDGER_PASSWORD).")
    String password;

    @Option(names = "--ledger-lock-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a case waits for its employer's room held by another run before it fails alone"
                    + " (error with cause ledger; nothing recorded). Default: ${DEFAULT-VALUE}.")
    int lockTimeoutSeconds;

    /** The ledger asked for (in memory, keeping every decision, when none was); close it after use. */
    Opened open() {
        return url == null ? new Opened(new InMemoryGrantLedger(), null) : openAsked();
    }

    /**
     * The ledger asked for, or one in memory for a single pass over an input whose caseIds the reader keeps
     * distinct ({@link InMemoryGrantLedger#forOneRun()}: sums per room only, so memory stays flat); close it after use.
     */
    Opened openForOneRun() {
        return url == null ? new Opened(InMemoryGrantLedger.forOneRun(), null) : openAsked();
    }

    private Opened openAsked() {
        if (lockTimeoutSeconds < 1) {
            throw new LedgerException("--ledger-lock-timeout must be at least 1 second, not " + lockTimeoutSeconds, null, true);
        }
        JdbcGrantLedger ledger = JdbcGrantLedger.open(url, user, password, new JdbcGrantLedger.Timeouts(
                java.time.Duration.ofSeconds(lockTimeoutSeconds), JdbcGrantLedger.Timeouts.STANDARD.idleInTransaction()));
        return new Opened(ledger, ledger);
    }

    record Opened(GrantLedger ledger, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (resource != null) {
                resource.close();
            }
        }
    }
}
