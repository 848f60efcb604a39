package se.forebygg.ledger;

import se.forebygg.grant.AuditAnchor;
import se.forebygg.grant.ChangedApplicationException;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.RecordedGrant;
import se.forebygg.grant.Withdrawal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import se.forebygg.engine.Decision;
import se.forebygg.json.ForebyggJson;

/**
 * A {@link GrantLedger} in memory, safe to share between threads. Starts empty. A reservation holds
 * a lock per employer and year, so applications of other employers are decided in parallel.
 */
public final class InMemoryGrantLedger implements GrantLedger {

    private record EmployerYear(String employerId, int year) {
    }

    private record EmployeeYear(String employerId, String employeeId, int year) {
    }

    private record Recorded(EmployerYear employerYear, String employeeId, String inputHash, Decision decision,
                            AuditAnchor anchor) {
        EmployeeYear employeeYear() {
            return new EmployeeYear(employerYear.employerId, employeeId, employerYear.year);
        }

        RecordedGrant toGrant(Withdrawal withdrawal) {
            return new RecordedGrant(decision.caseId(), inputHash, decision, anchor, withdrawal);
        }
    }

    private record Withdrawn(Recorded recorded, Withdrawal withdrawal) {
        RecordedGrant toGrant() {
            return recorded.toGrant(withdrawal);
        }
    }

    private final Map<EmployerYear, ReentrantLock> locks = new HashMap<>();
    private final Map<String, Recorded> byCaseId = new HashMap<>();
    private final List<Withdrawn> withdrawals = new ArrayList<>();
    private final Map<EmployerYear, BigDecimal> perEmployer = new HashMap<>();
    private final Map<EmployeeYear, BigDecimal> perEmployee = new HashMap<>();

    @Override
    public BigDecimal granted(String employerId, int year) {
        return employerTotal(GrantLedger.employerKey(employerId, year), year);
    }

    private synchronized BigDecimal employerTotal(String employerKey, int year) {
        return perEmployer.getOrDefault(new EmployerYear(employerKey, year), BigDecimal.ZERO);
    }

    @Override
    public BigDecimal granted(String employerId, String employeeId, int year) {
        return employeeTotal(GrantLedger.employerKey(employerId, year), GrantLedger.employeeKey(employeeId, year), year);
    }

    private synchronized BigDecimal employeeTotal(String employerKey, String employeeKey, int year) {
        return perEmployee.getOrDefault(new EmployeeYear(employerKey, employeeKey, year), BigDecimal.ZERO);
    }

    /** Any number: a room in memory is a lock, taken in (employer, year) order by the engine. */
    @Override
    public int reservationsAtOnce() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Reservation reserve(GrantCase application) {
        Objects.requireNonNull(application, "application");
        EmployerYear key = new EmployerYear(application.employerId(), application.year());
        String hash = ForebyggJson.inputHash(application);
        ReentrantLock lock;
        synchronized (this) {
            lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        }
        lock.lock();
        try {
            Recorded earlier;
            BigDecimal employee;
            BigDecimal employer;
            synchronized (this) {
                earlier = byCaseId.get(application.caseId());
                employee = employeeTotal(key.employerId, application.employeeId(), key.year);
                employer = employerTotal(key.employerId, key.year);
            }
            if (earlier != null && !ForebyggJson.isInputHashOf(earlier.inputHash, application)) {
                throw new ChangedApplicationException(application.caseId());
            }
            return new Held(lock, key, application, hash, employee, employer,
                    earlier == null ? null : earlier.decision);
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /**
     * Records a decision another ledger holds (read back from a copy of it, e.g. a snapshot of its
     * grants), as if it had been committed here: its amount counts against the caps of
     * {@code employerId}, {@code employeeId} (any spellings, see {@link GrantLedger#employerKey}) and
     * {@code year}, and an application under its caseId with input hash {@code inputHash} gets it back.
     * Throws {@link IllegalArgumentException} when its caseId is recorded already or its amount is negative.
     */
    public void restore(String employerId, String employeeId, int year, String inputHash, Decision decision) {
        Objects.requireNonNull(inputHash, "inputHash");
        if (decision.amount().signum() < 0) {
            throw new IllegalArgumentException("a grant is never negative: " + decision.amount());
        }
        EmployerYear key = new EmployerYear(GrantLedger.employerKey(employerId, year), year);
        Recorded r = new Recorded(key, GrantLedger.employeeKey(employeeId, year), inputHash, decision, null);
        synchronized (this) {
            if (byCaseId.putIfAbsent(decision.caseId(), r) != null) {
                throw new IllegalArgumentException("caseId " + decision.caseId() + " is recorded already");
            }
            perEmployer.merge(key, decision.amount(), BigDecimal::add);
            perEmployee.merge(r.employeeYear(), decision.amount(), BigDecimal::add);
        }
    }

    @Override
    public boolean withdraw(String caseId, Withdrawal withdrawal) {
        Objects.requireNonNull(withdrawal, "withdrawal");
        ReentrantLock lock;
        synchronized (this) {
            Recorded recorded = byCaseId.get(caseId);
            if (recorded == null) {
                return false;
            }
            lock = locks.get(recorded.employerYear);
        }
        // Like a reservation, a withdrawal waits for the room of its employer and year.
        lock.lock();
        try {
            synchronized (this) {
                Recorded withdrawn = byCaseId.remove(caseId);
                if (withdrawn == null) {
                    return false;
                }
                withdrawals.add(new Withdrawn(withdrawn, withdrawal));
                BigDecimal amount = withdrawn.decision.amount();
                perEmployer.merge(withdrawn.employerYear, amount.negate(), BigDecimal::add);
                perEmployee.merge(withdrawn.employeeYear(), amount.negate(), BigDecimal::add);
                return true;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public synchronized List<RecordedGrant> history(String caseId) {
        List<RecordedGrant> history = new ArrayList<>();
        for (Withdrawn w : withdrawals) {
            if (w.recorded.decision.caseId().equals(caseId)) {
                history.add(w.toGrant());
            }
        }
        Recorded current = byCaseId.get(caseId);
        if (current != null) {
            history.add(current.toGrant(null));
        }
        return history;
    }

    @Override
    public synchronized Stream<RecordedGrant> anchoredIn(String auditLogId) {
        List<RecordedGrant> anchored = new ArrayList<>();
        for (Withdrawn w : withdrawals) {
            if (w.recorded.anchor != null && w.recorded.anchor.auditLogId().equals(auditLogId)) {
                anchored.add(w.toGrant());
            }
        }
        for (Recorded r : byCaseId.values()) {
            if (r.anchor != null && r.anchor.auditLogId().equals(auditLogId)) {
                anchored.add(r.toGrant(null));
            }
        }
        anchored.sort(Comparator.comparingLong(g -> g.anchor().line()));
        return anchored.stream();
    }

    private final class Held extends HeldRoom {
        private final ReentrantLock lock;
        private final EmployerYear key;

        Held(ReentrantLock lock, EmployerYear key, GrantCase application, String hash, BigDecimal employee,
             BigDecimal employer, Decision recorded) {
            super(application, hash, employee, employer, recorded);
            this.lock = lock;
            this.key = key;
        }

        @Override
        protected void store(Decision decision, AuditAnchor anchor, boolean isNew) {
            try {
                if (isNew) {
                    Recorded r = new Recorded(key, application().employeeId(), inputHash(), decision, anchor);
                    synchronized (InMemoryGrantLedger.this) {
                        byCaseId.put(application().caseId(), r);
                        perEmployer.merge(key, decision.amount(), BigDecimal::add);
                        perEmployee.merge(r.employeeYear(), decision.amount(), BigDecimal::add);
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        protected void release() {
            lock.unlock();
        }
    }
}
