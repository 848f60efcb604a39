package se.forebygg.rules.grant;

import java.util.Objects;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Rule fact (ARS-2, ARS-3): measure {@code index} is covered; what was paid for it counts. */
public record CoveredMeasure(String caseId, int index, BigDecimal amountPaid, LocalDate performedOn) {

    /**
     * A hash of the case and the measure's index only, consistent with {@code equals} (every component): truth maintenance hashes
     * every fact inserted logically, and the record's hash of every component (a nested record, a
     * parameter set) was a visible part of deciding (docs/performance.md, "Every core").
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(caseId) + index;
    }
}
