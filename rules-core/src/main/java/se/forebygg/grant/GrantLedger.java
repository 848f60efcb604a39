package se.forebygg.grant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import se.forebygg.engine.Decision;

/**
 * What has been granted so far, per employer and calendar year and per employer, employee and year:
 * the memory behind the caps (ARS-6, ARS-7). The rules keep no state; the engine decides an
 * application inside a {@link Reservation}: read the room, decide, {@link Reservation#commit commit}
 * the decision, so that concurrent applications of one employer and year can never together exceed
 * a cap. {@link se.forebygg.ledger.InMemoryGrantLedger} keeps it in memory; {@code se.forebygg.ledger.jdbc.JdbcGrantLedger}
 * (H2 or PostgreSQL, with rules-core's optional JDBC dependencies) in a database.
 *
 * <p>A ledger is idempotent by caseId: an application already recorded gives back its stored decision
 * and is not counted twice; a different application under a recorded caseId is refused with
 * {@link ChangedApplicationException}.
 */
public interface GrantLedger {

    /**
     * Total granted to {@code employerId} (any spelling of its number, see {@link #employerKey}) for
     * measures of {@code year}, all employees together.
     */
    BigDecimal granted(String employerId, int year);

    /**
     * Total granted to {@code employerId} for {@code employeeId} (any spellings, see {@link #employerKey}
     * and {@link #employeeKey}) for measures of {@code year}.
     */
    BigDecimal granted(String employerId, String employeeId, int year);

    /**
     * The cap key of an employer: its organisation number (or a sole trader's personal identity number)
     * in canonical form, from any spelling; a 10-digit personal number's century as at the end of
     * {@code year}. Throws {@link se.forebygg.engine.InvalidCaseException} when it is no such number.
     */
    static String employerKey(String employerId, int year) {
        return se.forebygg.identity.EmployerId.parse(employerId, java.time.LocalDate.of(year, 12, 31), "employerId").canonical();
    }

    /** The cap key of an employee: as {@link #employerKey}, for a personal identity or coordination number. */
    static String employeeKey(String employeeId, int year) {
        return se.forebygg.identity.PersonalIdentityNumber.parse(employeeId, java.time.LocalDate.of(year, 12, 31),
                "employeeId").canonical();
    }

    /**
     * Holds the room of {@code application}'s employer and year until the reservation is committed or
     * closed; other reservations for the same employer and year wait. Throws
     * {@link ChangedApplicationException} when its caseId was recorded for a different application.
     */
    Reservation reserve(GrantCase application);

    /**
     * How many reservations one caller may hold at once. The engine decides a batch's grants in parts
     * of at most this many rooms: a ledger in memory holds any number, a database ledger one (each room
     * is a connection and a transaction holding a row lock, so a caller holding several could wait for
     * a connection that only it could free, and two callers could wait for each other).
     */
    int reservationsAtOnce();

    /**
     * Withdraws the decision recorded for {@code caseId} (e.g. after an appeal): its amount no longer
     * counts against the caps, and the caseId may be decided again. The ledger keeps the withdrawn
     * decision with {@code withdrawal} (when, why, its audit line) in the caseId's {@link #history}.
     * Waits for the room of the decision's employer and year, as a reservation does. False when no
     * decision counts under {@code caseId}.
     */
    boolean withdraw(String caseId, Withdrawal withdrawal);

    /** As {@link #withdraw(String, Withdrawal)}, now, without a reason or an audit line. */
    default boolean withdraw(String caseId) {
        return withdraw(caseId, Withdrawal.now(null));
    }

    /**
     * Every decision recorded for {@code caseId}, oldest first: the withdrawn ones, then the one that
     * counts, if any. Empty when the caseId was never recorded.
     */
    List<RecordedGrant> history(String caseId);

    /**
     * The decisions, withdrawn ones included, whose {@link AuditAnchor} names audit log
     * {@code auditLogId}, in the order of their lines. Close the stream after use (a database ledger
     * holds a connection while it is open).
     */
    Stream<RecordedGrant> anchoredIn(String auditLogId);

    /**
     * The room of one employer and year, held for one application. Close it in every case: closing an
     * uncommitted reservation rolls it back.
     */
    interface Reservation extends AutoCloseable {

        /** Granted before this application to its employer for its employee in its year. */
        BigDecimal employeeGranted();

        /** Granted before this application to its employer in its year, all employees together. */
        BigDecimal employerGranted();

        /** The decision recorded earlier for the same application, if any; then nothing is to be committed. */
        Optional<Decision> recorded();

        /** Records {@code decision} (its amount is the grant, zero when rejected) and releases the room. */
        default void commit(Decision decision) {
            commit(decision, null);
        }

        /**
         * As {@link #commit(Decision)}, keeping with the decision the audit line that logged it
         * ({@code anchor}, null for none). An application given back from the ledger ({@link #recorded()})
         * is not recorded again, nor is its anchor.
         */
        void commit(Decision decision, AuditAnchor anchor);

        /** Releases the room without recording anything. */
        void rollback();

        /** Rolls back unless committed. */
        @Override
        void close();
    }
}
