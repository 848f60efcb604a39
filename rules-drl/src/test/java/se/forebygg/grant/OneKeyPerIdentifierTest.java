package se.forebygg.grant;

import se.forebygg.ledger.InMemoryGrantLedger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.Decision;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.engine.Result;
import se.forebygg.testkit.SwedishIds;

/**
 * The caps cannot be split by spelling an identifier differently (finding 2 of the reliability
 * review): every spelling of one organisation number is one employer, every spelling of one personal
 * identity number one employee, and anything else is bad input at its path.
 */
class OneKeyPerIdentifierTest {
    static final Forebygg ENGINE = Forebygg.create();
    static final LocalDate APRIL = LocalDate.of(2025, 4, 2);
    static final LocalDate SEPTEMBER = LocalDate.of(2025, 9, 1);

    /** One organisation, spelled as the attack spelled it. */
    static final List<String> ONE_EMPLOYER = List.of("556000-0001", "5560000001", " 556000-0001", "556000\u20110001",
            "\uFF15\uFF15\uFF16\uFF10\uFF10\uFF10-\uFF10\uFF10\uFF10\uFF11", "16556000-0001");
    /** One person, spelled six ways. */
    static final List<String> ONE_EMPLOYEE = List.of("19850101-0014", "198501010014", "850101-0014", "8501010014",
            " 19850101\u20110014 ", "\uFF11\uFF19\uFF18\uFF15\uFF10\uFF11\uFF10\uFF11-\uFF10\uFF10\uFF11\uFF14");

    private static GrantCase application(String caseId, String employerId, String employeeId) {
        return new GrantCase(caseId, employerId, employeeId, EmployeeCondition.REDUCED_WORK_CAPACITY,
                new GrantProvider("P-3", true), List.of(new Measure(MeasureKind.INVESTIGATE, APRIL, new BigDecimal("20000"))),
                SEPTEMBER, null);
    }

    @Test
    void sixSpellingsOfOneEmployerShareOneYearlyCap() {
        List<GrantCase> batch = new ArrayList<>();
        for (int s = 0; s < ONE_EMPLOYER.size(); s++) {
            for (int e = 0; e < 21; e++) {
                batch.add(application("ars-" + s + "-" + e, ONE_EMPLOYER.get(s), SwedishIds.employee(s * 21 + e)));
            }
        }
        BigDecimal total = ENGINE.decideAll(Input.all(batch)).stream().map(Result::orThrow).toList().stream().map(Decision::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("200000"); // not 6 × 200 000
        assertThat(batch).extracting(GrantCase::employerId).containsOnly("556000-0001");
    }

    @Test
    void sixSpellingsOfOneEmployeeShareOneYearlyCap() {
        List<GrantCase> batch = new ArrayList<>();
        for (int s = 0; s < ONE_EMPLOYEE.size(); s++) {
            batch.add(application("ars-" + s, "556000-0001", ONE_EMPLOYEE.get(s)));
        }
        BigDecimal total = ENGINE.decideAll(Input.all(batch)).stream().map(Result::orThrow).toList().stream().map(Decision::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("10000"); // not 6 × 10 000
        assertThat(batch).extracting(GrantCase::employeeId).containsOnly("19850101-0014");
    }

    @Test
    void anIdentifierThatIsNoSwedishNumberIsBadInputAtItsPath() {
        for (String id : List.of("E-1", "e-1", "E-01", "556000-0002", "")) {
            assertThatThrownBy(() -> application("a", "556000-0001", id)).as(id)
                    .isInstanceOf(InvalidCaseException.class).extracting(e -> ((InvalidCaseException) e).path())
                    .isEqualTo("$.employeeId");
        }
        assertThatThrownBy(() -> application("a", "556000-0002", "19850101-0014"))
                .isInstanceOf(InvalidCaseException.class).hasMessageContaining("$.employerId")
                .hasMessageContaining("check digit");
    }

    @Test
    void theSameApplicationSpelledDifferentlyIsTheSameApplication() {
        GrantLedger ledger = new InMemoryGrantLedger();
        Decision first = ENGINE.evaluate(application("ars-1", "5560000001", "8501010014"), ledger);
        Decision again = ENGINE.evaluate(application("ars-1", "556000-0001", "19850101-0014"), ledger);
        assertThat(again).isEqualTo(first);
        assertThat(ledger.granted("556000-0001", 2025)).isEqualByComparingTo("10000");
        // The ledger is asked in any spelling too.
        assertThat(ledger.granted(" 5560000001", 2025)).isEqualByComparingTo("10000");
        assertThat(ledger.granted("16556000-0001", "850101-0014", 2025)).isEqualByComparingTo("10000");
    }

    @Test
    void aRetryWithTheAmountWrittenAnotherWayIsTheSameApplication() {
        GrantLedger ledger = new InMemoryGrantLedger();
        GrantCase sent = application("ars-1", "556000-0001", "19850101-0014");
        GrantCase retried = new GrantCase("ars-1", "556000-0001", "19850101-0014", EmployeeCondition.REDUCED_WORK_CAPACITY,
                new GrantProvider("P-3", true), List.of(new Measure(MeasureKind.INVESTIGATE, APRIL, new BigDecimal("20000.0"))),
                SEPTEMBER, null);
        Decision first = ENGINE.evaluate(sent, ledger);
        assertThat(ENGINE.evaluate(retried, ledger)).isEqualTo(first);
        assertThat(ledger.granted("556000-0001", 2025)).isEqualByComparingTo("10000");
    }
}
