package se.forebygg.ledger.jdbc;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.forebygg.ledger.jdbc.Applications.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.engine.Outcome;
import se.forebygg.grant.ChangedApplicationException;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.Measure;
import se.forebygg.grant.MeasureKind;
import se.forebygg.json.ForebyggJson;

/** The JDBC ledger's contract, on H2 and (when configured) PostgreSQL. */
class JdbcGrantLedgerTest {
    static final Forebygg ENGINE = Forebygg.create();
    static final ObjectMapper JSON = ForebyggJson.newMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void recordsGrantsAndCountsThemAgainstTheCaps(LedgerDatabase db) throws Exception {
        try (JdbcGrantLedger ledger = db.fresh(dir).open()) {
            Decision first = ENGINE.evaluate(application("a", "556000-0019", "19600102-1002", "16000"), ledger);
            Decision second = ENGINE.evaluate(application("b", "556000-0019", "19600102-1002", "16000"), ledger);
            assertThat(first.amount()).isEqualByComparingTo("8000");
            assertThat(second.amount()).isEqualByComparingTo("2000");
            assertThat(second.outcome()).isEqualTo(Outcome.PARTIALLY_APPROVED);
            assertThat(ledger.granted("556000-0019", "19600102-1002", 2025)).isEqualByComparingTo("10000");
            assertThat(ledger.granted("556000-0019", 2025)).isEqualByComparingTo("10000");
            assertThat(ledger.granted("556000-0019", 2024)).isEqualByComparingTo("0");
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void theSameApplicationAgainGivesTheStoredDecisionAndCountsOnce(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        GrantCase c = application("a", "556000-0019", "19600102-1002", "16000");
        String first;
        try (JdbcGrantLedger ledger = target.open()) {
            first = JSON.writeValueAsString(ENGINE.evaluate(c, ledger));
            assertThat(JSON.writeValueAsString(ENGINE.evaluate(c, ledger))).isEqualTo(first);
        }
        try (JdbcGrantLedger reopened = target.open()) {
            assertThat(JSON.writeValueAsString(ENGINE.evaluate(c, reopened))).isEqualTo(first);
            assertThat(reopened.granted("556000-0019", "19600102-1002", 2025)).isEqualByComparingTo("8000");
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void aChangedApplicationUnderARecordedCaseIdIsRefusedAtCaseId(LedgerDatabase db) throws Exception {
        try (JdbcGrantLedger ledger = db.fresh(dir).open()) {
            ENGINE.evaluate(application("a", "556000-0019", "19600102-1002", "16000"), ledger);
            assertThatThrownBy(() -> ENGINE.evaluate(application("a", "556000-0019", "19600102-1002", "16001"), ledger))
                    .isInstanceOf(ChangedApplicationException.class)
                    .satisfies(e -> assertThat(((InvalidCaseException) e).path()).isEqualTo("$.caseId"));
            // Same caseId, another employer: refused too (the caseId is the application's identity).
            assertThatThrownBy(() -> ENGINE.evaluate(application("a", "556000-0027", "19600102-1002", "16000"), ledger))
                    .isInstanceOf(ChangedApplicationException.class);
            assertThat(ledger.granted("556000-0019", 2025)).isEqualByComparingTo("8000");
            assertThat(ledger.granted("556000-0027", 2025)).isEqualByComparingTo("0");
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void withdrawingReleasesTheAmountAndTheCaseId(LedgerDatabase db) throws Exception {
        try (JdbcGrantLedger ledger = db.fresh(dir).open()) {
            ENGINE.evaluate(application("a", "556000-0019", "19600102-1002", "16000"), ledger);
            assertThat(ledger.withdraw("a")).isTrue();
            assertThat(ledger.withdraw("a")).isFalse();
            assertThat(ledger.granted("556000-0019", "19600102-1002", 2025)).isEqualByComparingTo("0");
            Decision again = ENGINE.evaluate(application("a", "556000-0019", "19600102-1002", "4000"), ledger);
            assertThat(again.amount()).isEqualByComparingTo("2000");
            assertThat(ledger.granted("556000-0019", 2025)).isEqualByComparingTo("2000");
        }
    }

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void aCaseThatFailsRecordsNothing(LedgerDatabase db) throws Exception {
        LedgerDatabase.Target target = db.fresh(dir);
        GrantCase c = application("a", "556000-0019", "19600102-1002", "16000");
        GrantCase outOfTable = new GrantCase("x", c.employerId(), c.employeeId(), c.employeeCondition(), c.provider(),
                List.of(new Measure(MeasureKind.INVESTIGATE, LocalDate.of(2030, 4, 2), c.measures().get(0).amountPaid())),
                LocalDate.of(2030, 9, 1), null);
        try (JdbcGrantLedger ledger = target.open()) {
            assertThatThrownBy(() -> ENGINE.evaluate(outOfTable, ledger)).isInstanceOf(InvalidCaseException.class);
            ENGINE.evaluate(c, ledger);
        }
        try (Connection connection = target.connect(); Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT case_id FROM grant_decision")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("a");
            assertThat(r.next()).isFalse();
        }
    }
}
