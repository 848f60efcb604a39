package se.forebygg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Every fact's caseId is read, whether its record is public (a lambda) or not (a method handle). */
class CaseIdsTest {
    public record Public(String caseId, int day) {
    }

    record Hidden(int day, String caseId) {
    }

    record NoCase(String id) {
    }

    @Test
    void aPublicRecordsCaseIdIsRead() {
        assertEquals("psb-1", CaseIds.of(new Public("psb-1", 3)));
        assertEquals("psb-2", CaseIds.of(new Public("psb-2", 4)));
    }

    @Test
    void aRecordThatIsNotPublicIsReadAllTheSame() {
        assertEquals("ars-9", CaseIds.of(new Hidden(1, "ars-9")));
    }

    @Test
    void aFactWithoutACaseIdIsShared() {
        assertNull(CaseIds.of(new NoCase("x")));
        assertNull(CaseIds.of("a string"));
        assertNull(CaseIds.of(new Public(null, 1)));
    }
}
