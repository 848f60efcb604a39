package se.forebygg.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A one-run ledger's sums read back as the BigDecimal added up, scale and all: decisions print them. */
class PackedSumTest {
    @Test
    void aSumReadsBackWithItsValueAndItsScale() {
        for (String sum : List.of("0", "0.00", "4000.00", "200000", "0.01", "12345678901.255", "9999.9")) {
            BigDecimal value = new BigDecimal(sum);
            BigDecimal back = InMemoryGrantLedger.unpacked(InMemoryGrantLedger.packed(value));
            assertEquals(value, back, sum); // equals compares the scale too
            assertEquals(sum, back.toPlainString());
        }
    }

    @Test
    void moreThanThreeDecimalsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InMemoryGrantLedger.packed(new BigDecimal("0.0001")));
        assertThrows(IllegalArgumentException.class, () -> InMemoryGrantLedger.packed(new BigDecimal("1E+3")));
    }
}
