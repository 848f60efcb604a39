package se.forebygg.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.grant.ChangedApplicationException;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;

/**
 * The ledger at real sizes and under stalls: a batch of many employers never holds more connections
 * than the pool has; a room held too long by another run, or a caseId recorded meanwhile by another
 * process, becomes that one case's failure while the rest of the batch is decided; a client that stops
 * mid-transaction is cut off by PostgreSQL so that its employer's room is free again.
 */
class LedgerLimitsTest {
    static final Forebygg ENGINE = Forebygg.create();
    static final JdbcGrantLedger.Timeouts QUICK = new JdbcGrantLedger.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void aThousandEmployersAndTenThousandGrantsInOneBatch(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        List<GrantCase> cases = Applications.manyEmployers(1_000, 10);
        List<Decision> decisions;
        long started = System.nanoTime();
        try (JdbcGrantLedger ledger = target.open()) {
            decisions = ENGINE.decideAll(Input.all(cases), ledger).stream().map(Result::orThrow).toList();
        }
        System.out.printf("%s: %d grants of %d employers decided and recorded in %.1f s%n", db, cases.size(), 1_000,
                (System.nanoTime() - started) / 1e9);
        assertThat(decisions).hasSize(cases.size()).doesNotContainNull();
        Map<String, BigDecimal> perEmployee = new HashMap<>();
        Map<String, BigDecimal> perEmployer = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            GrantCase c = cases.get(i);
            perEmployee.merge(c.employerId() + "/" + c.employeeId(), decisions.get(i).amount(), BigDecimal::add);
            perEmployer.merge(c.employerId(), decisions.get(i).amount(), BigDecimal::add);
        }
        assertThat(perEmployee.values()).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(new BigDecimal("10000")));
        assertThat(perEmployee.values()).anySatisfy(v -> assertThat(v).isEqualByComparingTo("10000"));
        assertThat(perEmployer.values()).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(new BigDecimal("200000")));
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(amount) FROM grant_decision")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(cases.size());
            assertThat(r.getBigDecimal(2)).isEqualByComparingTo(
                    decisions.stream().map(Decision::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void aRoomHeldTooLongByAnotherRunFailsThatCaseAloneAndRecordsNothing(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        GrantCase held = Applications.application("held", "556000-0001", "19850101-0014", "4000");
        GrantCase waiting = Applications.application("waiting", "556000-0001", "19900215-1232", "4000");
        GrantCase other = Applications.application("other", "556000-0100", "19900215-1232", "4000");
        try (JdbcGrantLedger first = target.open(); JdbcGrantLedger second = JdbcGrantLedger.open(target.url(),
                target.user(), target.password(), QUICK)) {
            try (GrantLedger.Reservation room = first.reserve(held)) {
                List<Result> results = ENGINE.decideAll(Input.all(List.of(waiting, other)), second);
                assertThat(results.get(0)).isInstanceOf(Result.Refused.class);
                Result.Refused refused = (Result.Refused) results.get(0);
                assertThat(refused.message())
                        .contains("employer 556000-0001 and year 2025 within 1000 ms")
                        .contains("nothing was recorded");
                assertThat(refused.cause()).isEqualTo(Result.Cause.LEDGER);
                assertThat(results.get(1)).as("another employer's case is decided").isInstanceOf(Result.Decided.class);
                room.rollback();
            }
            // Sent again once the room is free, it is decided.
            assertThat(ENGINE.evaluate(waiting, second).amount()).isEqualByComparingTo("2000");
            assertThat(second.granted("556000-0001", 2025)).isEqualByComparingTo("2000");
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void aCaseIdRecordedMeanwhileForAnotherEmployerIsThatCasesErrorNotTheRuns(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        GrantCase mine = Applications.application("ars-1", "556000-0001", "19850101-0014", "4000");
        GrantCase theirs = Applications.application("ars-1", "556000-0100", "19850101-0014", "6000");
        GrantCase next = Applications.application("ars-2", "556000-0001", "19900215-1232", "4000");
        try (JdbcGrantLedger ledger = target.open(); JdbcGrantLedger otherProcess = target.open()) {
            GrantLedger.Reservation room = ledger.reserve(mine);
            // Another process decides the same caseId for another employer (another row lock) and commits first.
            ENGINE.evaluate(theirs, otherProcess);
            assertThatThrownBy(() -> room.commit(ENGINE.evaluate(mine))).isInstanceOf(ChangedApplicationException.class);
            room.close();
            // Through the engine: the conflict is that case's error, the batch goes on.
            List<Result> results = ENGINE.decideAll(Input.all(List.of(mine, next)), ledger);
            assertThat(results.get(0)).isInstanceOf(Result.Refused.class);
            assertThat(results.get(0)).isEqualTo(new Result.Refused("ars-1", null, "$.caseId",
                    new ChangedApplicationException("ars-1").reason()));
            assertThat(results.get(1)).isInstanceOf(Result.Decided.class);
            assertThat(ledger.granted("556000-0001", 2025)).isEqualByComparingTo("2000");
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void valuesTheDatabaseCannotHoldAreBadInputWhenReadAndTheRestOfTheRunIsRecorded(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        String good = "{\"type\":\"workplace-rehabilitation-grant\",\"caseId\":\"%s\",\"employerId\":\"556000-0001\","
                + "\"employeeId\":\"%s\",\"employeeCondition\":\"REDUCED_WORK_CAPACITY\",\"provider\":{\"id\":\"P-3\","
                + "\"approvedByAgency\":true},\"measures\":[{\"kind\":\"INVESTIGATE\",\"performedOn\":\"2025-04-02\","
                + "\"amountPaid\":4000}],\"submittedOn\":\"2025-09-01\"}";
        String input = String.join("\n", good.formatted("ars-1", "19850101-0014"),
                good.formatted("x".repeat(201), "19850101-0014"),          // longer than any id column
                good.formatted("ars-\\u0000", "19850101-0014"),            // PostgreSQL cannot store U+0000
                good.formatted("ars-4", "E-" + "9".repeat(300)),            // no personal identity number
                good.formatted("ars-5", "19900215-1232"));
        List<Input> entries = new ArrayList<>();
        try (se.forebygg.json.CaseReader reader = se.forebygg.json.CaseReader.open(new java.io.StringReader(input))) {
            reader.forEachRemaining(entries::add);
        }
        assertThat(entries).extracting(e -> e instanceof Input.Read).containsExactly(true, false, false, false, true);
        assertThat(((Input.Unread) entries.get(1)).refusal().path()).isEqualTo("$.caseId");
        assertThat(((Input.Unread) entries.get(2)).refusal().message()).contains("U+0000");
        assertThat(((Input.Unread) entries.get(3)).refusal().path()).isEqualTo("$.employeeId");
        try (JdbcGrantLedger ledger = target.open()) {
            List<Result> results = ENGINE.decideAll(entries, ledger);
            assertThat(results).extracting(r -> r instanceof Result.Decided).containsExactly(true, false, false, false, true);
            assertThat(ledger.granted("556000-0001", 2025)).isEqualByComparingTo("4000");
        }
    }

    /** PostgreSQL only: H2 has no idle-in-transaction timeout, and an H2 file serves one process anyway. */
    @org.junit.jupiter.api.Test
    void aClientThatStopsMidTransactionIsCutOffAndItsRoomFreed() throws Exception {
        LedgerDatabase.Target target = LedgerDatabase.POSTGRESQL.fresh(dir);
        GrantCase paused = Applications.application("paused", "556000-0001", "19850101-0014", "4000");
        GrantCase later = Applications.application("later", "556000-0001", "19900215-1232", "4000");
        try (JdbcGrantLedger stopped = JdbcGrantLedger.open(target.url(), target.user(), target.password(),
                new JdbcGrantLedger.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(1)));
             JdbcGrantLedger running = target.open()) {
            GrantLedger.Reservation room = stopped.reserve(paused); // and then nothing: the client hangs
            long started = System.nanoTime();
            Decision decided = CompletableFuture.supplyAsync(() -> ENGINE.evaluate(later, running)).get(20, TimeUnit.SECONDS);
            assertThat(decided.amount()).isEqualByComparingTo("2000");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            // The stopped client's transaction is gone: its commit cannot record anything.
            assertThatThrownBy(() -> room.commit(ENGINE.evaluate(paused))).isInstanceOf(RuntimeException.class);
            room.close();
            assertThat(running.granted("556000-0001", 2025)).isEqualByComparingTo("2000");
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void manyThreadsOnManyEmployersNeverRunThePoolDry(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        List<GrantCase> cases = Applications.manyEmployers(40, 5);
        int threads = 3 * JdbcGrantLedger.POOL_SIZE;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try (JdbcGrantLedger ledger = target.open()) {
            List<CompletableFuture<List<Decision>>> batches = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<GrantCase> part = cases.subList(t * cases.size() / threads, (t + 1) * cases.size() / threads);
                batches.add(CompletableFuture.supplyAsync(() -> ENGINE.decideAll(Input.all(part), ledger).stream()
                        .map(Result::orThrow).toList(), pool));
            }
            int decided = 0;
            for (CompletableFuture<List<Decision>> b : batches) {
                decided += b.get(2, TimeUnit.MINUTES).size();
            }
            assertThat(decided).isEqualTo(cases.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
