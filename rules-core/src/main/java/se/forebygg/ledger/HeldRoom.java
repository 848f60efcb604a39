package se.forebygg.ledger;

import se.forebygg.grant.AuditAnchor;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import se.forebygg.engine.Decision;

/**
 * What every ledger's {@link GrantLedger.Reservation} shares: the sums read when the room was taken,
 * the decision recorded earlier (if any), and the checks before a commit. A ledger adds how a decision
 * is stored and how the room is released.
 */
public abstract class HeldRoom implements GrantLedger.Reservation {
    private final GrantCase application;
    private final String inputHash;
    private final BigDecimal employee;
    private final BigDecimal employer;
    private final Decision recorded;
    private boolean done;

    protected HeldRoom(GrantCase application, String inputHash, BigDecimal employee, BigDecimal employer,
                       Decision recorded) {
        this.application = Objects.requireNonNull(application, "application");
        this.inputHash = Objects.requireNonNull(inputHash, "inputHash");
        this.employee = Objects.requireNonNull(employee, "employee");
        this.employer = Objects.requireNonNull(employer, "employer");
        this.recorded = recorded;
    }

    protected final GrantCase application() {
        return application;
    }

    protected final String inputHash() {
        return inputHash;
    }

    @Override
    public final BigDecimal employeeGranted() {
        return employee;
    }

    @Override
    public final BigDecimal employerGranted() {
        return employer;
    }

    @Override
    public final Optional<Decision> recorded() {
        return Optional.ofNullable(recorded);
    }

    @Override
    public final void commit(Decision decision, AuditAnchor anchor) {
        if (done) {
            throw new IllegalStateException("reservation already ended");
        }
        if (!decision.caseId().equals(application.caseId())) {
            throw new IllegalArgumentException("decision of " + decision.caseId() + " for " + application.caseId());
        }
        if (decision.amount().signum() < 0) {
            throw new IllegalArgumentException("a grant is never negative: " + decision.amount());
        }
        done = true;
        store(decision, anchor, recorded == null);
    }

    @Override
    public final void rollback() {
        if (!done) {
            done = true;
            release();
        }
    }

    @Override
    public final void close() {
        rollback();
    }

    /**
     * Records {@code decision} with its {@code anchor} (null for none) when {@code isNew} (an
     * application given back from the ledger is not recorded again), then releases the room, also when
     * recording fails.
     */
    protected abstract void store(Decision decision, AuditAnchor anchor, boolean isNew);

    /** Releases the room without recording anything. */
    protected abstract void release();
}
