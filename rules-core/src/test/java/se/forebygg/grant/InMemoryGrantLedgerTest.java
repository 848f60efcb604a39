package se.forebygg.grant;

import se.forebygg.ledger.InMemoryGrantLedger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Outcome;
import se.forebygg.json.ForebyggJson;

/** The ledger's record of what was decided and where it was logged: history and audit anchors. */
class InMemoryGrantLedgerTest {

    static GrantCase application(String caseId, String paid) {
        return new GrantCase(caseId, "556000-0001", "19850101-0014", EmployeeCondition.REDUCED_WORK_CAPACITY,
                new GrantProvider("P-1", true),
                List.of(new Measure(MeasureKind.INVESTIGATE, LocalDate.of(2025, 4, 2), new BigDecimal(paid))),
                LocalDate.of(2025, 9, 1), null);
    }

    static Decision granted(String caseId, String amount) {
        return new Decision(caseId, CaseType.WORKPLACE_REHABILITATION_GRANT, Outcome.APPROVED, new BigDecimal(amount),
                List.of(), null, List.of(), "test");
    }

    @Test
    void aCommitKeepsItsAnchorAndAWithdrawalKeepsItInTheHistory() {
        InMemoryGrantLedger ledger = new InMemoryGrantLedger();
        GrantCase first = application("ars-1", "4000");
        AuditAnchor anchor = new AuditAnchor("log-1", 7, "sha256:aa");
        try (GrantLedger.Reservation room = ledger.reserve(first)) {
            room.commit(granted("ars-1", "2000"), anchor);
        }
        try (GrantLedger.Reservation room = ledger.reserve(application("ars-2", "6000"))) {
            room.commit(granted("ars-2", "3000")); // no audit line
        }
        assertEquals(List.of(new RecordedGrant("ars-1", ForebyggJson.inputHash(first), granted("ars-1", "2000"), anchor,
                null)), ledger.history("ars-1"));
        assertNull(ledger.history("ars-2").get(0).anchor());
        assertTrue(ledger.history("ars-3").isEmpty());

        assertTrue(ledger.withdraw("ars-1"));
        try (GrantLedger.Reservation room = ledger.reserve(application("ars-1", "5000"))) {
            room.commit(granted("ars-1", "2500"), new AuditAnchor("log-1", 3, "sha256:bb"));
        }
        List<RecordedGrant> history = ledger.history("ars-1");
        assertEquals(2, history.size());
        assertTrue(history.get(0).withdrawn());
        assertEquals(anchor, history.get(0).anchor());
        assertEquals(new BigDecimal("2500"), history.get(1).decision().amount());

        try (Stream<RecordedGrant> anchored = ledger.anchoredIn("log-1")) {
            assertEquals(List.of(3L, 7L), anchored.map(g -> g.anchor().line()).toList(), "in the order of their lines");
        }
        try (Stream<RecordedGrant> anchored = ledger.anchoredIn("log-2")) {
            assertEquals(0, anchored.count());
        }
    }

    @Test
    void anApplicationGivenBackKeepsItsFirstAnchor() {
        InMemoryGrantLedger ledger = new InMemoryGrantLedger();
        AuditAnchor anchor = new AuditAnchor("log-1", 2, "sha256:aa");
        try (GrantLedger.Reservation room = ledger.reserve(application("ars-1", "4000"))) {
            room.commit(granted("ars-1", "2000"), anchor);
        }
        try (GrantLedger.Reservation room = ledger.reserve(application("ars-1", "4000"))) {
            room.commit(room.recorded().orElseThrow(), new AuditAnchor("log-2", 9, "sha256:cc"));
        }
        assertEquals(List.of(anchor), ledger.history("ars-1").stream().map(RecordedGrant::anchor).toList());
    }

    @Test
    void anAnchorNamesALine() {
        assertThrows(IllegalArgumentException.class, () -> new AuditAnchor("log-1", 0, "sha256:aa"));
    }

    @Test
    void aRestoredDecisionCountsAndIsGivenBackToItsApplication() {
        InMemoryGrantLedger ledger = new InMemoryGrantLedger();
        GrantCase earlier = application("ars-1", "12000");
        ledger.restore("5560000001", "850101-0014", 2025, ForebyggJson.inputHash(earlier), granted("ars-1", "6000"));
        assertEquals(new BigDecimal("6000"), ledger.granted("556000-0001", 2025));
        assertEquals(new BigDecimal("6000"), ledger.granted("556000-0001", "19850101-0014", 2025));
        try (GrantLedger.Reservation room = ledger.reserve(application("ars-2", "4000"))) {
            assertEquals(new BigDecimal("6000"), room.employeeGranted());
        }
        try (GrantLedger.Reservation room = ledger.reserve(earlier)) {
            assertEquals(granted("ars-1", "6000"), room.recorded().orElseThrow());
        }
        assertThrows(IllegalArgumentException.class,
                () -> ledger.restore("556000-0001", "19850101-0014", 2025, "sha256:00", granted("ars-1", "1")));
    }
}
