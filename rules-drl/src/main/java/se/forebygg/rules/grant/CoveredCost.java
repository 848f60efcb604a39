package se.forebygg.rules.grant;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Rule fact (ARS-5): what the employer paid for the covered measures, and the share of it that the
 * grant may be before the caps.
 */
public record CoveredCost(String caseId, BigDecimal amount, BigDecimal half) {

    /** True when nothing was paid for the covered measures (ARS-5a). */
    public boolean nothingPaid() {
        return amount.signum() == 0;
    }

    /** The covered cost of {@code amounts} and its {@code share}, rounded down to the öre. */
    public static CoveredCost of(String caseId, Collection<?> amounts, BigDecimal share) {
        BigDecimal total = BigDecimal.ZERO;
        for (Object amount : amounts) {
            total = total.add((BigDecimal) amount);
        }
        return new CoveredCost(caseId, total.setScale(GrantFigures.ORE), GrantFigures.shareOf(total, share));
    }
}
