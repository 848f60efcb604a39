package se.forebygg.ledger.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import se.forebygg.engine.Decision;
import se.forebygg.engine.UndecidedCaseException;
import se.forebygg.grant.AuditAnchor;
import se.forebygg.grant.ChangedApplicationException;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;
import se.forebygg.ledger.HeldRoom;
import se.forebygg.grant.RecordedGrant;
import se.forebygg.grant.Withdrawal;
import se.forebygg.json.ForebyggJson;

/**
 * A {@link GrantLedger} in a relational database: an embedded H2 file ({@code jdbc:h2:file:./ledger})
 * or PostgreSQL, the same SQL for both. The schema is created and upgraded by Flyway on opening.
 *
 * <p><b>Locking.</b> A reservation is one transaction (READ COMMITTED) that first locks the row of its
 * employer and year with {@code SELECT … FOR UPDATE}, then reads the room, and after the decision
 * inserts the decision row and commits. All writers of one employer and year therefore queue on one
 * row: the caps hold under any concurrency, applications of other employers run in parallel, a
 * transaction holds a single lock (no deadlocks), and nothing has to be retried — which a
 * serializable transaction would need after every conflict, re-running the rules each time. A crash
 * before the commit leaves no trace; after it, the decision is there exactly once.
 */
public final class JdbcGrantLedger implements GrantLedger, AutoCloseable {
    /** The Flyway migrations: {@code V1__grant_ledger.sql}, … */
    static final String MIGRATIONS = "classpath:se/forebygg/ledger/migration";
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLState class of "connection exception": the database is gone, not one case's trouble. */
    private static final String CONNECTION_EXCEPTION = "08";
    /** H2's "database may be already in use": an H2 file is open in another process. */
    private static final int H2_FILE_IN_USE = 90020;

    /**
     * How long a ledger waits.
     *
     * @param lock how long a reservation waits for the room of its employer and year (held by another
     *             run) or for a pooled connection, before that case fails ({@link UndecidedCaseException}
     *             with cause ledger; nothing recorded, it may be sent again)
     * @param idleInTransaction PostgreSQL: how long a reservation's transaction may sit idle (a paused or
     *             hung client) before the server ends its session and so frees the row for everyone else
     */
    public record Timeouts(Duration lock, Duration idleInTransaction) {
        /** 30 s for a lock, 60 s idle in a transaction. */
        public static final Timeouts STANDARD = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(60));

        public Timeouts {
            if (lock.isNegative() || lock.isZero() || idleInTransaction.isNegative() || idleInTransaction.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive: " + lock + ", " + idleInTransaction);
            }
        }
    }
    /**
     * Connections of a ledger's own pool: one per reservation held at once, for threads deciding in parallel;
     * at least one per core, as the engine decides on one thread per core unless told otherwise.
     */
    static final int POOL_SIZE = Math.max(8, Runtime.getRuntime().availableProcessors());
    /**
     * What {@link #recordedGrant} reads, as columns 1 to 6; the queries add 7, withdrawn (1) or not
     * (0), and 8, the order of withdrawal or of recording.
     */
    private static final String RECORDED_COLUMNS = "case_id, input_hash, decision, audit_log_id, audit_line, audit_hash";
    /** A withdrawal's columns, 9 to 13 of the queries: when, why, and the audit line that logged it. */
    private static final String WITHDRAWAL_COLUMNS =
            "withdrawn_at, withdrawal_reason, withdrawal_log_id, withdrawal_line, withdrawal_hash";
    /** The same columns for a decision that counts: none. Typed, as PostgreSQL types a union by its first branch. */
    private static final String NO_WITHDRAWAL = "CAST(NULL AS TIMESTAMP WITH TIME ZONE), CAST(NULL AS VARCHAR(1000)),"
            + " CAST(NULL AS VARCHAR(100)), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(100))";

    private final DataSource dataSource;
    private final AutoCloseable owned;
    private final Timeouts timeouts;
    private final ObjectMapper json = ForebyggJson.newMapper();

    private JdbcGrantLedger(DataSource dataSource, AutoCloseable owned, Timeouts timeouts) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (isH2(c)) {
                // H2 writes commits to its file up to half a second late by default: a crash in that window
                // would lose decisions that callers were already given. Write them at once. (A database
                // setting: set once here, outside any reservation, as it locks H2's system table.)
                s.execute("SET WRITE_DELAY 0");
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot set up the ledger: " + e.getMessage(), e);
        }
    }

    /** Opens (and creates or upgrades) the ledger at {@code jdbcUrl}, e.g. {@code jdbc:h2:file:./ledger}. */
    public static JdbcGrantLedger open(String jdbcUrl) {
        return open(jdbcUrl, null, null);
    }

    /** As {@link #open(String)}, with a database user and password (null for none). */
    public static JdbcGrantLedger open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, Timeouts.STANDARD);
    }

    /** As {@link #open(String, String, String)}, with other {@link Timeouts}. */
    public static JdbcGrantLedger open(String jdbcUrl, String user, String password, Timeouts timeouts) {
        checkH2Url(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setAutoCommit(true);
        config.setPoolName("forebygg-ledger");
        config.setConnectionTimeout(Math.max(250, timeouts.lock().toMillis()));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw cannotOpen(jdbcUrl, e);
        }
        try {
            return new JdbcGrantLedger(pool, pool, timeouts);
        } catch (RuntimeException e) {
            pool.close();
            throw cannotOpen(jdbcUrl, e);
        }
    }

    /** What may follow {@code jdbc:h2:} before a colon: H2's kinds of database (and a Windows drive letter). */
    private static final java.util.regex.Pattern H2_KIND = java.util.regex.Pattern.compile(
            "(?i)(file|mem|tcp|ssl|zip|nio|niomapped|niomemfs|niomemlzf|memfs|memlzf|split|async|rec|retry|[a-z])");

    /**
     * H2 takes {@code jdbc:h2:flie:./x} as a file named {@code flie:./x} and creates a folder {@code flie:.}: a
     * typo of the kind before the colon is refused here, naming it, before H2 can create anything.
     */
    private static void checkH2Url(String jdbcUrl) {
        if (!jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return;
        }
        java.util.regex.Matcher kind = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9]*):").matcher(jdbcUrl.substring(8));
        if (kind.find() && !H2_KIND.matcher(kind.group(1)).matches()) {
            throw new LedgerException(jdbcUrl + ": '" + kind.group(1) + ":' is no kind of H2 database: use"
                    + " jdbc:h2:file:PATH (a file; e.g. jdbc:h2:file:./forebygg-ledger) or jdbc:h2:mem:NAME (in memory)",
                    null, true);
        }
    }

    /** Why a ledger did not open, in the user's words where the cause is theirs (a file in use, a wrong URL). */
    private static LedgerException cannotOpen(String jdbcUrl, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_FILE_IN_USE && jdbcUrl.startsWith("jdbc:h2:")) {
                return new LedgerException("the ledger " + jdbcUrl + " is open in another process: an H2 file ledger"
                        + " serves one process at a time; wait for the other run, or use PostgreSQL for"
                        + " runs in parallel", e, true);
            }
            if (t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().startsWith("No suitable driver")) {
                return new LedgerException("no database driver for " + jdbcUrl + ": the ledger takes jdbc:h2:file:PATH"
                        + " or jdbc:postgresql://HOST[:PORT]/DATABASE", e, true);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new LedgerException("cannot open the ledger " + jdbcUrl + ": " + root.getMessage(), e,
                root instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION) || sql.getSQLState().startsWith("28")
                        || sql.getSQLState().startsWith("3D")));
    }

    /** One: each room is a connection and a transaction (see {@link GrantLedger#reservationsAtOnce()}). */
    @Override
    public int reservationsAtOnce() {
        return 1;
    }

    /** A ledger in the host's {@code dataSource} (migrated on opening); {@link #close()} leaves it open. */
    public static JdbcGrantLedger of(DataSource dataSource) {
        return of(dataSource, Timeouts.STANDARD);
    }

    /** As {@link #of(DataSource)}, with other {@link Timeouts} (the pool's own connection timeout is the host's). */
    public static JdbcGrantLedger of(DataSource dataSource, Timeouts timeouts) {
        return new JdbcGrantLedger(Objects.requireNonNull(dataSource, "dataSource"), () -> { }, timeouts);
    }

    @Override
    public BigDecimal granted(String employerId, int year) {
        try (Connection c = dataSource.getConnection()) {
            return sum(c, "SELECT COALESCE(SUM(amount), 0) FROM grant_decision WHERE employer_id = ? AND grant_year = ?",
                    GrantLedger.employerKey(employerId, year), year, null);
        } catch (SQLException e) {
            throw new LedgerException("cannot read the ledger", e);
        }
    }

    @Override
    public BigDecimal granted(String employerId, String employeeId, int year) {
        try (Connection c = dataSource.getConnection()) {
            return sum(c, "SELECT COALESCE(SUM(amount), 0) FROM grant_decision WHERE employer_id = ? AND grant_year = ?"
                    + " AND employee_id = ?", GrantLedger.employerKey(employerId, year), year,
                    GrantLedger.employeeKey(employeeId, year));
        } catch (SQLException e) {
            throw new LedgerException("cannot read the ledger", e);
        }
    }

    @Override
    public Reservation reserve(GrantCase application) {
        Objects.requireNonNull(application, "application");
        String hash = ForebyggJson.inputHash(application);
        Connection c = null;
        try {
            c = dataSource.getConnection();
            ensureEmployerYear(c, application.employerId(), application.year());
            begin(c);
            lock(c, application.employerId(), application.year());
            Decision recorded = null;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT input_hash, decision FROM grant_decision WHERE case_id = ?")) {
                s.setString(1, application.caseId());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        if (!ForebyggJson.isInputHashOf(r.getString(1), application)) {
                            throw new ChangedApplicationException(application.caseId());
                        }
                        recorded = json.readValue(r.getString(2), Decision.class);
                    }
                }
            }
            BigDecimal employee = sum(c, "SELECT COALESCE(SUM(amount), 0) FROM grant_decision WHERE employer_id = ?"
                    + " AND grant_year = ? AND employee_id = ?", application.employerId(), application.year(),
                    application.employeeId());
            BigDecimal employer = sum(c, "SELECT COALESCE(SUM(amount), 0) FROM grant_decision WHERE employer_id = ?"
                    + " AND grant_year = ?", application.employerId(), application.year(), null);
            return new Held(c, application, hash, employee, employer, recorded);
        } catch (SQLException | JsonProcessingException | RuntimeException e) {
            closeQuietly(c, e);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof SQLException sql && !gone(sql)) {
                throw undecided("the ledger did not give the room of employer " + application.employerId()
                        + " and year " + application.year() + (timedOut(sql) ? " within " + timeouts.lock().toMillis()
                        + " ms: another run holds it, or every connection is in use" : ": " + sql.getMessage()), sql);
            }
            throw new LedgerException("cannot reserve room for " + application.caseId() + ": " + e.getMessage(), e);
        }
    }

    /** A failure of one case's room or record: nothing was recorded, the case may be retried. */
    private static UndecidedCaseException undecided(String what, SQLException e) {
        return new UndecidedCaseException(UndecidedCaseException.Cause.LEDGER,
                what + "; nothing was recorded, the case may be sent again", e);
    }

    /** True when the database itself is unreachable or the connection broke: no later case would fare better. */
    private static boolean gone(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith(CONNECTION_EXCEPTION);
    }

    /** A lock wait or a wait for a pooled connection that ran out of time. */
    private static boolean timedOut(SQLException e) {
        String state = e.getSQLState();
        return e instanceof java.sql.SQLTimeoutException || e instanceof java.sql.SQLTransientConnectionException
                || "55P03".equals(state) || "57014".equals(state) || "HYT00".equals(state) || e.getErrorCode() == 50200;
    }

    @Override
    public boolean withdraw(String caseId, Withdrawal withdrawal) {
        Objects.requireNonNull(withdrawal, "withdrawal");
        try (Connection c = dataSource.getConnection()) {
            begin(c);
            try {
                String employerId;
                int year;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT employer_id, grant_year FROM grant_decision WHERE case_id = ?")) {
                    s.setString(1, caseId);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            c.rollback();
                            return false;
                        }
                        employerId = r.getString(1);
                        year = r.getInt(2);
                    }
                }
                lock(c, employerId, year);
                try (PreparedStatement copy = c.prepareStatement("INSERT INTO withdrawn_decision (case_id, employer_id,"
                        + " employee_id, grant_year, input_hash, amount, decision, recorded_seq, audit_log_id, audit_line,"
                        + " audit_hash, " + WITHDRAWAL_COLUMNS + ") SELECT case_id, employer_id, employee_id, grant_year,"
                        + " input_hash, amount, decision, recorded_seq, audit_log_id, audit_line, audit_hash, ?, ?, ?, ?, ?"
                        + " FROM grant_decision WHERE case_id = ?");
                     PreparedStatement delete = c.prepareStatement("DELETE FROM grant_decision WHERE case_id = ?")) {
                    AuditAnchor logged = withdrawal.anchor();
                    if (withdrawal.at() == null) {
                        copy.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        copy.setObject(1, withdrawal.at().atOffset(java.time.ZoneOffset.UTC));
                    }
                    copy.setString(2, withdrawal.reason());
                    copy.setString(3, logged == null ? null : logged.auditLogId());
                    if (logged == null) {
                        copy.setNull(4, Types.BIGINT);
                    } else {
                        copy.setLong(4, logged.line());
                    }
                    copy.setString(5, logged == null ? null : logged.lineHash());
                    copy.setString(6, caseId);
                    delete.setString(1, caseId);
                    copy.executeUpdate();
                    boolean removed = delete.executeUpdate() == 1;
                    c.commit();
                    return removed;
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot withdraw " + caseId, e);
        }
    }

    @Override
    public List<RecordedGrant> history(String caseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + RECORDED_COLUMNS + ", 1, withdrawn_seq, " + WITHDRAWAL_COLUMNS
                     + " FROM withdrawn_decision WHERE case_id = ? UNION ALL SELECT " + RECORDED_COLUMNS
                     + ", 0, recorded_seq, " + NO_WITHDRAWAL + " FROM grant_decision WHERE case_id = ? ORDER BY 7 DESC, 8")) {
            s.setString(1, caseId);
            s.setString(2, caseId);
            List<RecordedGrant> history = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    history.add(recordedGrant(r));
                }
            }
            return history;
        } catch (SQLException e) {
            throw new LedgerException("cannot read the ledger", e);
        }
    }

    @Override
    public Stream<RecordedGrant> anchoredIn(String auditLogId) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            // PostgreSQL streams a result (instead of reading it whole) only inside a transaction.
            c.setAutoCommit(false);
            PreparedStatement s = c.prepareStatement("SELECT " + RECORDED_COLUMNS + ", 1, withdrawn_seq, " + WITHDRAWAL_COLUMNS
                    + " FROM withdrawn_decision WHERE audit_log_id = ? UNION ALL SELECT " + RECORDED_COLUMNS
                    + ", 0, recorded_seq, " + NO_WITHDRAWAL + " FROM grant_decision WHERE audit_log_id = ? ORDER BY 5");
            s.setFetchSize(500);
            s.setString(1, auditLogId);
            s.setString(2, auditLogId);
            ResultSet r = s.executeQuery();
            Connection connection = c;
            Spliterator<RecordedGrant> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                    Spliterator.ORDERED | Spliterator.NONNULL) {
                @Override
                public boolean tryAdvance(Consumer<? super RecordedGrant> action) {
                    try {
                        if (!r.next()) {
                            return false;
                        }
                        action.accept(recordedGrant(r));
                        return true;
                    } catch (SQLException e) {
                        throw new LedgerException("cannot read the ledger", e);
                    }
                }
            };
            return StreamSupport.stream(rows, false).onClose(() -> {
                SQLException closing = new SQLException("closing a ledger read");
                closeQuietly(connection, closing); // also closes its statement and result
                if (closing.getSuppressed().length > 0) {
                    throw new LedgerException("cannot close a ledger read", closing.getSuppressed()[0]);
                }
            });
        } catch (SQLException e) {
            closeQuietly(c, e);
            throw new LedgerException("cannot read the ledger", e);
        }
    }

    /** Closes the connection pool this ledger opened (not a host's data source). */
    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new LedgerException("cannot close the ledger", e);
        }
    }

    /** Creates the lock row of an employer and year if missing, in its own short transaction. */
    private static void ensureEmployerYear(Connection c, String employerId, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM employer_year WHERE employer_id = ? AND grant_year = ?")) {
            s.setString(1, employerId);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO employer_year (employer_id, grant_year) VALUES (?, ?)")) {
            s.setString(1, employerId);
            s.setInt(2, year);
            s.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // Another reservation created it first: just as good.
        }
    }

    private static boolean isH2(Connection c) throws SQLException {
        return "H2".equals(c.getMetaData().getDatabaseProductName());
    }

    /**
     * Begins a transaction (READ COMMITTED) that waits for a row lock at most the lock timeout; on
     * PostgreSQL it also ends the session when the transaction sits idle too long (a paused client),
     * so that its row lock cannot block other runs. Settings are the transaction's alone (PostgreSQL)
     * or set before it begins (H2), so a host's own pool keeps its settings otherwise.
     */
    private void begin(Connection c) throws SQLException {
        boolean h2 = isH2(c);
        if (h2) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCK_TIMEOUT " + timeouts.lock().toMillis());
            }
        }
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        if (!h2 && "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = " + timeouts.lock().toMillis()
                        + "; SET LOCAL idle_in_transaction_session_timeout = " + timeouts.idleInTransaction().toMillis());
            }
        }
    }

    private static void lock(Connection c, String employerId, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT employer_id FROM employer_year WHERE employer_id = ? AND grant_year = ? FOR UPDATE")) {
            s.setString(1, employerId);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("no ledger row for employer " + employerId + " and year " + year);
                }
            }
        }
    }

    /**
     * A row of {@link #RECORDED_COLUMNS}, then 1 for a withdrawn decision or 0 for the one that counts,
     * its order, and {@link #WITHDRAWAL_COLUMNS}.
     */
    private RecordedGrant recordedGrant(ResultSet r) throws SQLException {
        String logId = r.getString(4);
        AuditAnchor anchor = logId == null ? null : new AuditAnchor(logId, r.getLong(5), r.getString(6));
        Withdrawal withdrawal = null;
        if (r.getInt(7) == 1) {
            java.time.OffsetDateTime at = r.getObject(9, java.time.OffsetDateTime.class);
            String withdrawalLog = r.getString(11);
            withdrawal = new Withdrawal(at == null ? null : at.toInstant(), r.getString(10), withdrawalLog == null ? null
                    : new AuditAnchor(withdrawalLog, r.getLong(12), r.getString(13)));
        }
        try {
            return new RecordedGrant(r.getString(1), r.getString(2), json.readValue(r.getString(3), Decision.class),
                    anchor, withdrawal);
        } catch (JsonProcessingException e) {
            throw new LedgerException("cannot read the decision on " + r.getString(1), e);
        }
    }

    private static BigDecimal sum(Connection c, String sql, String employerId, int year, String employeeId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, employerId);
            s.setInt(2, year);
            if (employeeId != null) {
                s.setString(3, employeeId);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBigDecimal(1).setScale(2);
            }
        }
    }

    private static void closeQuietly(Connection c, Exception cause) {
        if (c == null) {
            return;
        }
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** One open transaction holding the employer's and year's row lock. */
    private final class Held extends HeldRoom {
        private final Connection connection;

        Held(Connection connection, GrantCase application, String hash, BigDecimal employee, BigDecimal employer,
             Decision recorded) {
            super(application, hash, employee, employer, recorded);
            this.connection = connection;
        }

        @Override
        protected void store(Decision decision, AuditAnchor anchor, boolean isNew) {
            GrantCase application = application();
            try {
                if (isNew) {
                    try (PreparedStatement s = connection.prepareStatement("INSERT INTO grant_decision (case_id,"
                            + " employer_id, employee_id, grant_year, input_hash, amount, decision, audit_log_id,"
                            + " audit_line, audit_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        s.setString(1, application.caseId());
                        s.setString(2, application.employerId());
                        s.setString(3, application.employeeId());
                        s.setInt(4, application.year());
                        s.setString(5, inputHash());
                        s.setBigDecimal(6, decision.amount());
                        s.setString(7, json.writeValueAsString(decision));
                        s.setString(8, anchor == null ? null : anchor.auditLogId());
                        if (anchor == null) {
                            s.setNull(9, Types.BIGINT);
                        } else {
                            s.setLong(9, anchor.line());
                        }
                        s.setString(10, anchor == null ? null : anchor.lineHash());
                        s.executeUpdate();
                    }
                }
                connection.commit();
                end(null);
            } catch (SQLException e) {
                end(e);
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // Recorded meanwhile under another employer or year: another application, same caseId.
                    throw new ChangedApplicationException(application.caseId());
                }
                if (!gone(e)) {
                    throw undecided("the ledger refused the decision: " + e.getMessage(), e);
                }
                // The connection broke during the commit: whether it was recorded is not known here.
                throw new LedgerException("cannot record the decision on " + application.caseId()
                        + " (the connection broke; whether it was recorded, the ledger will tell on the next run)", e);
            } catch (JsonProcessingException e) {
                LedgerException failure = new LedgerException("cannot store the decision on " + application.caseId(), e);
                end(failure);
                throw failure;
            }
        }

        @Override
        protected void release() {
            end(null);
        }

        /** Ends the transaction (a rollback after a commit changes nothing) and returns the connection. */
        private void end(Exception failure) {
            Exception problems = failure == null ? new SQLException("ending a reservation") : failure;
            closeQuietly(connection, problems);
            if (failure == null && problems.getSuppressed().length > 0) {
                LoggerFactory.getLogger(JdbcGrantLedger.class).warn("closing a ledger connection failed",
                        problems.getSuppressed()[0]);
            }
        }
    }
}
