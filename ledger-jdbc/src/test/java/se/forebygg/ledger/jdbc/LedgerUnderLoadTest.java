package se.forebygg.ledger.jdbc;


import static org.assertj.core.api.Assertions.assertThat;
import static se.forebygg.ledger.jdbc.Applications.EMPLOYEE_CAP;
import static se.forebygg.ledger.jdbc.Applications.EMPLOYER_CAP;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.grant.GrantCase;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.json.ForebyggJson;

/**
 * Proof under load and faults: many threads deciding overlapping applications for the same employers
 * never exceed a cap, record every decision exactly once, and agree with a sequential run in the order
 * the ledger accepted them; cutting every connection mid-batch leaves a consistent ledger on which the
 * batch can simply be run again.
 */
class LedgerUnderLoadTest {
    static final Forebygg ENGINE = Forebygg.create();
    static final ObjectMapper JSON = ForebyggJson.newMapper();
    static final int THREADS = 8;

    @TempDir
    Path dir;

    /** A row of the ledger. */
    record Row(String caseId, String employerId, String employeeId, BigDecimal amount, Decision decision, long seq) {
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void concurrentApplicationsNeverExceedACapAndMatchASequentialRun(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        List<GrantCase> cases = Applications.overlapping(160, 42);
        Map<String, Decision> returned = new ConcurrentHashMap<>();
        try (JdbcGrantLedger ledger = target.open()) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (GrantCase c : cases) {
                    futures.add(pool.submit(() -> returned.put(c.caseId(), ENGINE.evaluate(c, ledger))));
                }
                for (Future<?> f : futures) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            List<Row> rows = rows(target);
            assertConsistent(rows, cases);
            assertThat(rows).hasSize(cases.size());
            for (Row row : rows) {
                assertThat(row.decision()).isEqualTo(returned.get(row.caseId()));
            }
            assertMatchesASequentialRun(rows, cases);
            assertCapsReached(rows);

            // Once more, concurrently: every application is recorded, nothing changes.
            ExecutorService again = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Decision>> futures = new ArrayList<>();
                for (GrantCase c : cases) {
                    futures.add(again.submit(() -> ENGINE.evaluate(c, ledger)));
                }
                for (int i = 0; i < cases.size(); i++) {
                    assertThat(futures.get(i).get(2, TimeUnit.MINUTES)).isEqualTo(returned.get(cases.get(i).caseId()));
                }
            } finally {
                again.shutdownNow();
            }
            assertThat(rows(target)).isEqualTo(rows);
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void aCrashMidBatchLeavesAConsistentLedgerAndTheBatchCanBeRunAgain(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        List<GrantCase> cases = Applications.overlapping(120, 7);
        AtomicInteger decided = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Decision> beforeCrash = new ConcurrentHashMap<>();
        JdbcGrantLedger ledger = target.open();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (GrantCase c : cases) {
                pool.submit(() -> {
                    try {
                        beforeCrash.put(c.caseId(), ENGINE.evaluate(c, ledger));
                        decided.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                });
            }
            while (decided.get() < 30) {
                Thread.sleep(5);
            }
            target.killConnections();
            pool.shutdownNow();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            pool.shutdownNow();
            try {
                ledger.close();
            } catch (RuntimeException e) {
                // The pool's connections are dead already.
            }
        }
        assertThat(failed.get() + decided.get()).as("the crash cut the batch short").isLessThan(cases.size() + 1);

        List<Row> afterCrash = rows(target);
        assertConsistent(afterCrash, cases);
        // Everything a caller was told is in the ledger (a commit may also have landed just as its
        // caller was cut off: then it is in the ledger and the re-run gives it back).
        Map<String, Row> recorded = afterCrash.stream().collect(Collectors.toMap(Row::caseId, Function.identity()));
        beforeCrash.forEach((id, d) -> assertThat(recorded.get(id)).as(id).isNotNull()
                .extracting(Row::decision).isEqualTo(d));
        assertThat(afterCrash.size()).isLessThan(cases.size());

        try (JdbcGrantLedger reopened = target.open()) {
            List<Decision> rerun = cases.stream().sorted(GrantCase.SUBMISSION_ORDER)
                    .map(c -> ENGINE.evaluate(c, reopened)).toList();
            for (Decision d : rerun) {
                Row before = recorded.get(d.caseId());
                if (before != null) {
                    assertThat(d).as("recorded before the crash: given back").isEqualTo(before.decision());
                }
            }
            List<Row> rows = rows(target);
            assertThat(rows).hasSize(cases.size());
            assertConsistent(rows, cases);
            assertMatchesASequentialRun(rows, cases);
            // And once more: nothing changes.
            cases.forEach(c -> ENGINE.evaluate(c, reopened));
            assertThat(rows(target)).isEqualTo(rows);
        }
    }

    /** No cap exceeded, every caseId at most once, every row's amount that of its stored decision. */
    private static void assertConsistent(List<Row> rows, List<GrantCase> cases) {
        Map<String, GrantCase> byId = cases.stream().collect(Collectors.toMap(GrantCase::caseId, Function.identity()));
        Map<String, BigDecimal> perEmployer = new HashMap<>();
        Map<String, BigDecimal> perEmployee = new HashMap<>();
        for (Row row : rows) {
            GrantCase c = byId.get(row.caseId());
            assertThat(c).as(row.caseId()).isNotNull();
            assertThat(row.employerId()).isEqualTo(c.employerId());
            assertThat(row.employeeId()).isEqualTo(c.employeeId());
            assertThat(row.amount()).isEqualByComparingTo(row.decision().amount());
            perEmployer.merge(row.employerId(), row.amount(), BigDecimal::add);
            perEmployee.merge(row.employerId() + "/" + row.employeeId(), row.amount(), BigDecimal::add);
        }
        assertThat(rows.stream().map(Row::caseId).distinct().count()).isEqualTo(rows.size());
        perEmployer.forEach((k, v) -> assertThat(v).as("employer %s", k).isLessThanOrEqualTo(EMPLOYER_CAP));
        perEmployee.forEach((k, v) -> assertThat(v).as("employee %s", k).isLessThanOrEqualTo(EMPLOYEE_CAP));
    }

    /** The same decisions as one thread deciding the applications in the order the ledger recorded them. */
    private static void assertMatchesASequentialRun(List<Row> rows, List<GrantCase> cases) {
        Map<String, GrantCase> byId = cases.stream().collect(Collectors.toMap(GrantCase::caseId, Function.identity()));
        InMemoryGrantLedger sequential = new InMemoryGrantLedger();
        for (Row row : rows.stream().sorted(Comparator.comparingLong(Row::seq)).toList()) {
            Decision d = ENGINE.evaluate(byId.get(row.caseId()), sequential);
            assertThat(d).as(row.caseId()).isEqualTo(row.decision());
        }
        for (Row row : rows) {
            assertThat(sequential.granted(row.employerId(), 2025)).isEqualByComparingTo(
                    rows.stream().filter(r -> r.employerId().equals(row.employerId())).map(Row::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    /** Some employer and some employee reached their cap exactly: the caps were really contended. */
    private static void assertCapsReached(List<Row> rows) {
        Map<String, BigDecimal> perEmployer = new HashMap<>();
        Map<String, BigDecimal> perEmployee = new HashMap<>();
        for (Row row : rows) {
            perEmployer.merge(row.employerId(), row.amount(), BigDecimal::add);
            perEmployee.merge(row.employerId() + "/" + row.employeeId(), row.amount(), BigDecimal::add);
        }
        assertThat(perEmployer.values()).anySatisfy(v -> assertThat(v).isEqualByComparingTo(EMPLOYER_CAP));
        assertThat(perEmployee.values()).anySatisfy(v -> assertThat(v).isEqualByComparingTo(EMPLOYEE_CAP));
    }

    private static List<Row> rows(LedgerDatabase.Target target) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT case_id, employer_id, employee_id, amount, decision, recorded_seq"
                     + " FROM grant_decision ORDER BY case_id")) {
            while (r.next()) {
                rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getBigDecimal(4),
                        JSON.readValue(r.getString(5), Decision.class), r.getLong(6)));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        return rows;
    }
}
