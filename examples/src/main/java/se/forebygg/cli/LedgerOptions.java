package se.forebygg.cli;

import picocli.CommandLine.Option;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.InMemoryGrantLedger;
import se.forebygg.ledger.JdbcGrantLedger;

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

    /** The ledger asked for; close it after use. */
    Opened open() {
        if (url == null) {
            return new Opened(new InMemoryGrantLedger(), null);
        }
        JdbcGrantLedger ledger = JdbcGrantLedger.open(url, user, password);
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
