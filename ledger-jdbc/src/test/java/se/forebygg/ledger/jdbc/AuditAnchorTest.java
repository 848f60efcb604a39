package se.forebygg.ledger.jdbc;


import static org.assertj.core.api.Assertions.assertThat;
import static se.forebygg.ledger.jdbc.Applications.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.grant.AuditAnchor;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.RecordedGrant;
import se.forebygg.grant.Withdrawal;
import se.forebygg.json.ForebyggJson;

/** The JDBC ledger keeps each decision's audit anchor and gives back a caseId's history, on H2 and PostgreSQL. */
class AuditAnchorTest {
    static final Forebygg ENGINE = Forebygg.create();
    static final ObjectMapper JSON = ForebyggJson.newMapper();
    static final String EMPLOYER = "556000-0100";
    static final String EMPLOYEE = "19900215-1232";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void anAnchorIsKeptWithItsDecisionAndMovesWithAWithdrawal(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        GrantCase a = application("ars-a", EMPLOYER, EMPLOYEE, "4000");
        AuditAnchor first = new AuditAnchor("log-1", 5, "sha256:aa");
        try (JdbcGrantLedger ledger = target.open()) {
            Decision decided = commit(ledger, a, first);
            commit(ledger, application("ars-b", EMPLOYER, EMPLOYEE, "6000"), null);

            assertThat(ledger.history("ars-a")).containsExactly(
                    new RecordedGrant("ars-a", ForebyggJson.inputHash(a), decided, first, null));
            assertThat(ledger.history("ars-b")).singleElement().satisfies(g -> assertThat(g.anchor()).isNull());
            assertThat(ledger.history("ars-c")).isEmpty();

            assertThat(ledger.withdraw("ars-a")).isTrue();
            GrantCase changed = application("ars-a", EMPLOYER, EMPLOYEE, "5000");
            commit(ledger, changed, new AuditAnchor("log-1", 3, "sha256:bb"));
        }
        try (JdbcGrantLedger reopened = target.open()) {
            List<RecordedGrant> history = reopened.history("ars-a");
            assertThat(history).extracting(RecordedGrant::withdrawn).containsExactly(true, false);
            assertThat(history.get(0).anchor()).isEqualTo(first);
            assertThat(history.get(1).inputHash()).isEqualTo(ForebyggJson.inputHash(
                    application("ars-a", EMPLOYER, EMPLOYEE, "5000")));
            try (Stream<RecordedGrant> anchored = reopened.anchoredIn("log-1")) {
                assertThat(anchored.map(g -> g.anchor().line() + (g.withdrawn() ? " withdrawn" : "")))
                        .containsExactly("3", "5 withdrawn");
            }
            try (Stream<RecordedGrant> anchored = reopened.anchoredIn("log-2")) {
                assertThat(anchored).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void aWithdrawalKeepsWhenWhyAndItsAuditLineAndFreesTheRoom(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        GrantCase a = application("ars-a", EMPLOYER, EMPLOYEE, "4000");
        Withdrawal appeal = new Withdrawal(java.time.Instant.parse("2026-03-02T09:15:30Z"), "appeal upheld 2026-02-27",
                new AuditAnchor("log-2", 7, "sha256:cc"));
        try (JdbcGrantLedger ledger = target.open()) {
            commit(ledger, a, new AuditAnchor("log-1", 2, "sha256:aa"));
            assertThat(ledger.granted(EMPLOYER, EMPLOYEE, 2025)).isEqualByComparingTo("2000");
            assertThat(ledger.withdraw("ars-a", appeal)).isTrue();
            assertThat(ledger.withdraw("ars-a", appeal)).as("nothing counts under ars-a any more").isFalse();
            assertThat(ledger.granted(EMPLOYER, EMPLOYEE, 2025)).isEqualByComparingTo("0");
            assertThat(ledger.withdraw("ars-unknown")).isFalse();
        }
        try (JdbcGrantLedger reopened = target.open()) {
            assertThat(reopened.history("ars-a")).singleElement().satisfies(g -> {
                assertThat(g.withdrawal()).isEqualTo(appeal);
                assertThat(g.anchor()).isEqualTo(new AuditAnchor("log-1", 2, "sha256:aa"));
            });
            try (Stream<RecordedGrant> anchored = reopened.anchoredIn("log-1")) {
                assertThat(anchored).singleElement().extracting(RecordedGrant::withdrawal).isEqualTo(appeal);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void aWithdrawalRecordedBeforeSchemaVersion3HasNoTimeNorReason(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        GrantCase a = application("ars-a", EMPLOYER, EMPLOYEE, "4000");
        Decision decided = ENGINE.evaluate(a);
        Flyway.configure().dataSource(target.url(), target.user(), target.password())
                .locations(JdbcGrantLedger.MIGRATIONS).target("2").load().migrate();
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO withdrawn_decision (case_id, employer_id, employee_id, grant_year, input_hash, amount,"
                    + " decision, recorded_seq) VALUES ('ars-a', '" + EMPLOYER + "', '" + EMPLOYEE + "', 2025, '"
                    + ForebyggJson.inputHash(a) + "', " + decided.amount() + ", '" + JSON.writeValueAsString(decided)
                    + "', 1)");
        }
        try (JdbcGrantLedger ledger = target.open()) {
            assertThat(ledger.history("ars-a")).containsExactly(new RecordedGrant("ars-a", ForebyggJson.inputHash(a),
                    decided, null, new Withdrawal(null, null, null)));
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void aLedgerOfSchemaVersion1KeepsItsDecisionsWithoutAnchors(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        Flyway.configure().dataSource(target.url(), target.user(), target.password())
                .locations(JdbcGrantLedger.MIGRATIONS).target("1").load().migrate();
        GrantCase a = application("ars-a", EMPLOYER, EMPLOYEE, "4000");
        Decision decided = ENGINE.evaluate(a);
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO employer_year (employer_id, grant_year) VALUES ('" + EMPLOYER + "', 2025)");
            s.execute("INSERT INTO grant_decision (case_id, employer_id, employee_id, grant_year, input_hash, amount,"
                    + " decision) VALUES ('ars-a', '" + EMPLOYER + "', '" + EMPLOYEE + "', 2025, '"
                    + ForebyggJson.inputHash(a) + "', " + decided.amount() + ", '" + JSON.writeValueAsString(decided) + "')");
        }
        try (JdbcGrantLedger ledger = target.open()) {
            assertThat(ledger.history("ars-a")).containsExactly(
                    new RecordedGrant("ars-a", ForebyggJson.inputHash(a), decided, null, null));
            assertThat(ENGINE.evaluate(a, ledger)).isEqualTo(decided);
        }
    }

    private static Decision commit(GrantLedger ledger, GrantCase application, AuditAnchor anchor) {
        Decision decision = ENGINE.evaluate(application);
        try (GrantLedger.Reservation room = ledger.reserve(application)) {
            room.commit(decision, anchor);
        }
        return decision;
    }
}
