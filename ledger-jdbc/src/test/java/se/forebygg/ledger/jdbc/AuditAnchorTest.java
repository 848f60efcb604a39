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
                    new RecordedGrant("ars-a", ForebyggJson.inputHash(a), decided, first, false));
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
                    new RecordedGrant("ars-a", ForebyggJson.inputHash(a), decided, null, false));
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
