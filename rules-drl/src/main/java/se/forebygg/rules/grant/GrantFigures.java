package se.forebygg.rules.grant;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The two pieces of arithmetic the grant rules share. */
final class GrantFigures {
    /** Kronor are kept to the öre. */
    static final int ORE = 2;

    private GrantFigures() {
    }

    /**
     * {@code share} of {@code cost}, rounded down to the öre: the grant never exceeds the share of
     * what was paid (ASSUMPTION: the law says half; an odd öre is not paid out).
     */
    static BigDecimal shareOf(BigDecimal cost, BigDecimal share) {
        return cost.multiply(share).setScale(ORE, RoundingMode.DOWN);
    }

    /** What is left under {@code cap} after {@code granted}, never below zero. */
    static BigDecimal room(BigDecimal cap, BigDecimal granted) {
        return cap.subtract(granted).max(BigDecimal.ZERO).setScale(ORE, RoundingMode.UNNECESSARY);
    }
}
