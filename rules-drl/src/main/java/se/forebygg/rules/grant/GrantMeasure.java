package se.forebygg.rules.grant;

import se.forebygg.grant.MeasureKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Rule fact: measure {@code index} (0-based) of an application, as the engine inserts it. */
public record GrantMeasure(String caseId, int index, MeasureKind kind, LocalDate performedOn, BigDecimal amountPaid) {

    /** The measure's number for people to read (1-based). */
    public int number() {
        return index + 1;
    }
}
