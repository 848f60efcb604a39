package se.forebygg.rules.grant;

import java.util.Objects;
import java.math.BigDecimal;

/**
 * Rule fact (ARS-6, ARS-7, ARS-10): the room left under one cap.
 *
 * @param limit the cap
 * @param granted what was granted before under this cap
 * @param room limit − granted, never below zero
 */
public record CapRoom(String caseId, Cap cap, BigDecimal limit, BigDecimal granted, BigDecimal room) {

    public static CapRoom under(Cap cap, String caseId, BigDecimal limit, BigDecimal granted) {
        return new CapRoom(caseId, cap, limit, granted, GrantFigures.room(limit, granted));
    }

    /** The whole cap per application (ARS-10): nothing granted before counts against it. */
    public static CapRoom perApplication(String caseId, BigDecimal limit) {
        return under(Cap.APPLICATION, caseId, limit, BigDecimal.ZERO);
    }

    /** True when nothing more may be granted under this cap this year. */
    public boolean exhausted() {
        return room.signum() == 0;
    }

    /**
     * A hash of the case and the cap only, consistent with {@code equals} (every component): truth maintenance hashes
     * every fact inserted logically, and the record's hash of every component (a nested record, a
     * parameter set) was a visible part of deciding (docs/performance.md, "Every core").
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(caseId) + (cap == null ? 0 : cap.ordinal());
    }
}
