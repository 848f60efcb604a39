package se.forebygg.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SwedishNumbersTest {

    @ParameterizedTest(name = "{0} → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "0.25       | 0,25",
            "588000     | 588 000",
            "6250.25    | 6 250,25",
            "1256       | 1 256",
            "-1000      | -1 000",
            "0          | 0",
            "10000      | 10 000",
            "0.5        | 0,5",
            "999        | 999",
            "-999.5     | -999,5",
            "1000000    | 1 000 000",
            "123456789.0123 | 123 456 789,0123",
            "0.2708     | 0,2708",
            "-0.01      | -0,01",
            "938.00     | 938,00",
    })
    void writesDecimalCommaAndSpaceGroups(String value, String swedish) {
        assertEquals(swedish, SwedishNumbers.format(new BigDecimal(value)));
    }

    @Test
    void writesThePlainDigitsOfAnExponentForm() {
        // 588000 without trailing zeros is 5.88E+5; the Swedish text has the plain digits
        assertEquals("588 000", SwedishNumbers.format(new BigDecimal("588000").stripTrailingZeros()));
        assertEquals("0,00001", SwedishNumbers.format(new BigDecimal("1E-5")));
    }

    @Test
    void groupsWithAPlainSpaceNotANoBreakSpace() {
        String s = SwedishNumbers.format(new BigDecimal("588000"));
        assertEquals(-1, s.indexOf('\u00a0'));
        assertEquals(-1, s.indexOf('\u202f'));
        assertEquals(3, s.indexOf(' '));
    }

    @Test
    void nullStaysNull() {
        assertNull(SwedishNumbers.format(null));
    }
}
