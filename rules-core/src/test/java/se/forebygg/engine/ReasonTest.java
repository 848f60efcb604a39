package se.forebygg.engine;

import se.forebygg.spi.Reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures of a reason keep their type (each language writes them its own way: rules-drl's MessagesTest). */
class ReasonTest {

    private static Reason reason(ReasonCode code, Severity severity, Object... args) {
        return new Reason("c-1", code, severity, "R-1", "1 §", "se.forebygg.rules.preventive", Arrays.asList(args));
    }

    @Test
    void equalFiguresGiveEqualReasons() {
        Reason a = reason(ReasonCode.PSB_RISK_BELOW_QUARTER, Severity.REJECTION, new BigDecimal("0.200"), new BigDecimal("0.25"));
        Reason b = reason(ReasonCode.PSB_RISK_BELOW_QUARTER, Severity.REJECTION, new BigDecimal("0.2"), new BigDecimal("0.2500"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, reason(ReasonCode.PSB_RISK_BELOW_QUARTER, Severity.REJECTION, new BigDecimal("0.2"), new BigDecimal("0.3")));
    }

    @Test
    void figuresKeepTheirType() {
        Reason r = reason(ReasonCode.ARS_EMPLOYEE_CAP_APPLIED, Severity.REDUCTION, new BigDecimal("10000.00"),
                new BigDecimal("0"), new BigDecimal("10000"), new BigDecimal("10000.01"), 2025);
        assertEquals(List.of(new BigDecimal("1E+4"), BigDecimal.ZERO, new BigDecimal("1E+4"), new BigDecimal("10000.01"), 2025),
                r.args());
        assertEquals(List.of("10000", "0", "10000", "10000.01", "2025"), r.words());
    }

    @Test
    void otherValuesAreFrozenToText() {
        StringBuilder mutable = new StringBuilder("P-3");
        Reason r = reason(ReasonCode.ARS_PROVIDER_NOT_APPROVED, Severity.REJECTION, mutable, null, 0.25d);
        mutable.append("x");
        assertEquals(List.of("P-3", "null", new BigDecimal("0.25")), r.args());
    }
}
