package se.forebygg.grant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import se.forebygg.engine.Decision;

/**
 * A {@link GrantLedger} that hands every call to another one: extend it to change one thing (e.g. wrap
 * each {@link #reserve reservation} in a {@link ForwardingReservation}) and keep the rest, including
 * what later versions of the interface add.
 */
public abstract class ForwardingGrantLedger implements GrantLedger {
    private final GrantLedger ledger;

    protected ForwardingGrantLedger(GrantLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** The ledger calls are handed to. */
    protected final GrantLedger delegate() {
        return ledger;
    }

    @Override
    public BigDecimal granted(String employerId, int year) {
        return ledger.granted(employerId, year);
    }

    @Override
    public BigDecimal granted(String employerId, String employeeId, int year) {
        return ledger.granted(employerId, employeeId, year);
    }

    @Override
    public Reservation reserve(GrantCase application) {
        return ledger.reserve(application);
    }

    @Override
    public int reservationsAtOnce() {
        return ledger.reservationsAtOnce();
    }

    @Override
    public boolean withdraw(String caseId, Withdrawal withdrawal) {
        return ledger.withdraw(caseId, withdrawal);
    }

    @Override
    public List<RecordedGrant> history(String caseId) {
        return ledger.history(caseId);
    }

    @Override
    public Stream<RecordedGrant> anchoredIn(String auditLogId) {
        return ledger.anchoredIn(auditLogId);
    }

    /** A {@link GrantLedger.Reservation} that hands every call to another one; override what differs. */
    public abstract static class ForwardingReservation implements Reservation {
        private final Reservation room;

        protected ForwardingReservation(Reservation room) {
            this.room = Objects.requireNonNull(room, "room");
        }

        /** The reservation calls are handed to. */
        protected final Reservation delegate() {
            return room;
        }

        @Override
        public BigDecimal employeeGranted() {
            return room.employeeGranted();
        }

        @Override
        public BigDecimal employerGranted() {
            return room.employerGranted();
        }

        @Override
        public Optional<Decision> recorded() {
            return room.recorded();
        }

        @Override
        public void commit(Decision decision, AuditAnchor anchor) {
            room.commit(decision, anchor);
        }

        @Override
        public void rollback() {
            room.rollback();
        }

        @Override
        public void close() {
            room.close();
        }
    }
}
