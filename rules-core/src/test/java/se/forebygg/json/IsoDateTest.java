package se.forebygg.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's dates: what {@code LocalDate.parse} accepts, nothing else, and the same date. */
class IsoDateTest {

    @Test
    void everyDayOfTwoCenturiesReadsAsLocalDateParseReadsIt() {
        for (LocalDate day = LocalDate.of(1900, 1, 1); day.isBefore(LocalDate.of(2101, 1, 1)); day = day.plusDays(1)) {
            String text = day.format(DateTimeFormatter.ISO_LOCAL_DATE);
            assertEquals(LocalDate.parse(text), ForebyggModule.isoDate(text), text);
        }
        assertEquals(LocalDate.parse("0000-01-01"), ForebyggModule.isoDate("0000-01-01"));
        assertEquals(LocalDate.parse("+12025-03-04"), ForebyggModule.isoDate("+12025-03-04"));
    }

    @ParameterizedTest(name = "\"{0}\" is not a date")
    @ValueSource(strings = {"2025-02-29", "2024-02-30", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
            "2025-01-32", "2025-1-01", "2025-01-1", "20250101", "2025/01/01", "2025-0a-01", "２０２５-01-01", "-2025-01-01x",
            "2025-01-01 ", " 2025-01-01", "", "12025-01-01"})
    void whatLocalDateParseRefusesIsRefused(String text) {
        assertThrows(DateTimeException.class, () -> LocalDate.parse(text), "LocalDate.parse accepts it: fix the case");
        assertThrows(DateTimeException.class, () -> ForebyggModule.isoDate(text));
    }
}
