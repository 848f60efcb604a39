package se.forebygg.ledger.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases the ledger tests run against: H2 always (a file in a temporary folder); PostgreSQL
 * when {@code FOREBYGG_TEST_POSTGRES_URL} (and {@code _USER}, {@code _PASSWORD} if needed) is set,
 * each test in a schema of its own.
 */
enum LedgerDatabase {
    H2, POSTGRESQL;

    static final String POSTGRES_URL = System.getenv("FOREBYGG_TEST_POSTGRES_URL");
    private static final String SKIPPED = "PostgreSQL ledger tests SKIPPED: set FOREBYGG_TEST_POSTGRES_URL (and _USER,"
            + " _PASSWORD) to run them (.ci/run does)";

    static {
        if (POSTGRES_URL == null || POSTGRES_URL.isBlank()) {
            // Surefire's summary counts skipped tests without their reason: say it once on the console.
            System.out.println("[ledger-jdbc] " + SKIPPED);
        }
    }

    /** A fresh, empty database of this kind; skips the test (saying why) when it is not configured. */
    Target fresh(Path dir) throws SQLException {
        if (this == H2) {
            return new Target(this, "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath(), null, null);
        }
        assumeTrue(POSTGRES_URL != null && !POSTGRES_URL.isBlank(), SKIPPED);
        String user = System.getenv("FOREBYGG_TEST_POSTGRES_USER");
        String password = System.getenv("FOREBYGG_TEST_POSTGRES_PASSWORD");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Target(this, url, user, password);
    }

    record Target(LedgerDatabase kind, String url, String user, String password) {

        JdbcGrantLedger open() {
            return JdbcGrantLedger.open(url, user, password);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** Cuts every connection to the database at once, as a crash of the host would. */
        void killConnections() throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                if (kind == H2) {
                    s.execute("SHUTDOWN IMMEDIATELY");
                } else {
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
                }
            }
        }
    }
}
