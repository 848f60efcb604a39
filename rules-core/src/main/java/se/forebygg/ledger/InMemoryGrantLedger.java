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
import se.forebygg.internal.CompactTable;
import se.forebygg.json.ForebyggJson;

/**
 * A {@link GrantLedger} in memory, safe to share between threads. Starts empty. A reservation holds
 * a lock per employer and year, so applications of other employers are decided in parallel.
 *
 * <p>{@link #forOneRun()} makes one for a single pass over applications of distinct caseIds (what
 * {@code forebygg evaluate} decides an input through when no ledger is given): it keeps each room's sum and
 * the caseIds seen, not the decisions, so its memory grows by some 150 bytes a grant rather than the 1 KB of a
 * kept decision.
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

    /** A room of an employer and year: its lock, and its key kept once (so every employee room shares its strings). */
    private record Room(EmployerYear key, ReentrantLock lock) {
    }

    private final Map<EmployerYear, Room> rooms = new HashMap<>();
    private final Map<String, Recorded> byCaseId = new HashMap<>();
    private final List<Withdrawn> withdrawals = new ArrayList<>();
    private final Map<EmployerYear, BigDecimal> perEmployer = new HashMap<>();
    private final Map<EmployeeYear, BigDecimal> perEmployee = new HashMap<>();
    /** For one run only: the caseIds decided (no decision is kept); null when every decision is kept. */
    private final CompactTable decidedOnce;
    /** For one run only, instead of {@link #perEmployee}: each employee room's sum, {@link #packed}. */
    private final CompactTable employeeSums;

    /** An empty ledger that keeps every decision: for idempotent replays, {@link #history} and withdrawals. */
    public InMemoryGrantLedger() {
        this(false);
    }

    private InMemoryGrantLedger(boolean forOneRun) {
        this.decidedOnce = forOneRun ? new CompactTable() : null;
        this.employeeSums = forOneRun ? new CompactTable() : null;
    }

    /**
     * An empty ledger for one pass over applications that each come once: only the sums per room and the
     * caseIds are kept. An application whose caseId was decided through it is refused
     * ({@link IllegalStateException}: it cannot give back the decision); {@link #withdraw}, {@link #history},
     * {@link #anchoredIn} and {@link #restore} are not supported.
     */
    public static InMemoryGrantLedger forOneRun() {
        return new InMemoryGrantLedger(true);
    }

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
        if (employeeSums != null) {
            int room = employeeSums.indexOf(roomKey(employerKey, employeeKey, year));
            return room < 0 ? BigDecimal.ZERO : unpacked(employeeSums.value(room));
        }
        return perEmployee.getOrDefault(new EmployeeYear(employerKey, employeeKey, year), BigDecimal.ZERO);
    }

    private static String roomKey(String employerKey, String employeeKey, int year) {
        return employerKey + '\n' + employeeKey + '\n' + year;
    }

    /**
     * A sum of decided amounts as one long: its value in thousandths of a krona, times 4, plus its scale (0 to 3),
     * so that it reads back exactly as the {@code BigDecimal} added up ({@code 0} stays {@code 0}, {@code 4000.00}
     * stays {@code 4000.00}): a decision's figures are written from it.
     */
    static long packed(BigDecimal sum) {
        if (sum.scale() < 0 || sum.scale() > 3) {
            throw new IllegalArgumentException("a granted amount has at most three decimals: " + sum);
        }
        return sum.movePointRight(3).longValueExact() * 4 + sum.scale();
    }

    static BigDecimal unpacked(long packed) {
        return BigDecimal.valueOf(Math.floorDiv(packed, 4), 3).setScale((int) Math.floorMod(packed, 4));
    }

    /** Any number: a room in memory is a lock, taken in (employer, year) order by the engine. */
    @Override
    public int reservationsAtOnce() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Reservation reserve(GrantCase application) {
        Objects.requireNonNull(application, "application");
        // The input's hash tells a repeated application from a changed one; a ledger for one run sees none again.
        String hash = decidedOnce == null ? ForebyggJson.inputHash(application) : "";
        Room room;
        synchronized (this) {
            room = rooms.computeIfAbsent(new EmployerYear(application.employerId(), application.year()),
                    k -> new Room(k, new ReentrantLock()));
        }
        EmployerYear key = room.key;
        ReentrantLock lock = room.lock;
        lock.lock();
        try {
            Recorded earlier;
            BigDecimal employee;
            BigDecimal employer;
            synchronized (this) {
                if (decidedOnce != null && decidedOnce.indexOf(application.caseId()) >= 0) {
                    throw new IllegalStateException("application " + application.caseId() + " was decided before "
                            + "through this ledger for one run, which keeps no decision to give back");
                }
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
        keepsDecisions("restore");
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
        keepsDecisions("withdraw");
        ReentrantLock lock;
        synchronized (this) {
            Recorded recorded = byCaseId.get(caseId);
            if (recorded == null) {
                return false;
            }
            lock = rooms.get(recorded.employerYear).lock;
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
        keepsDecisions("history");
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
        keepsDecisions("anchoredIn");
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

    private void keepsDecisions(String what) {
        if (decidedOnce != null) {
            throw new UnsupportedOperationException(what + ": a ledger for one run keeps no decisions");
        }
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
                    synchronized (InMemoryGrantLedger.this) {
                        perEmployer.merge(key, decision.amount(), BigDecimal::add);
                        if (decidedOnce == null) {
                            byCaseId.put(application().caseId(), new Recorded(key, application().employeeId(),
                                    inputHash(), decision, anchor));
                            perEmployee.merge(new EmployeeYear(key.employerId, application().employeeId(), key.year),
                                    decision.amount(), BigDecimal::add);
                        } else {
                            decidedOnce.add(application().caseId(), 0);
                            String room = roomKey(key.employerId, application().employeeId(), key.year);
                            int at = employeeSums.indexOf(room);
                            if (at < 0) {
                                employeeSums.add(room, packed(BigDecimal.ZERO.add(decision.amount())));
                            } else {
                                employeeSums.set(at, packed(unpacked(employeeSums.value(at)).add(decision.amount())));
                            }
                        }
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
