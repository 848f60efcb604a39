package se.forebygg.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwedishDeadlinesTest {

    @ParameterizedTest(name = "{0} ({2}) → {1}")
    @CsvSource({
            "2024-02-01, 2024-02-01, a Thursday stays",
            "2025-02-01, 2025-02-03, a Saturday moves to Monday",
            "2026-02-01, 2026-02-02, a Sunday moves to Monday",
            "2025-06-20, 2025-06-23, midsommarafton (Friday) moves past midsommardagen to Monday",
            "2024-06-21, 2024-06-24, midsommarafton 2024",
            "2024-12-24, 2024-12-27, julafton (Tuesday): juldagen and annandag jul follow, so Friday",
            "2022-12-24, 2022-12-27, julafton on a Saturday: Sunday 25, Monday 26 are holidays, so Tuesday",
            "2025-12-31, 2026-01-02, nyårsafton (Wednesday), then nyårsdagen: Friday",
            "2025-04-18, 2025-04-22, långfredagen: Easter Saturday, Sunday and annandag påsk follow",
            "2025-04-21, 2025-04-22, annandag påsk",
            "2025-05-29, 2025-05-30, Kristi himmelsfärdsdag (Thursday)",
            "2026-05-14, 2026-05-15, Kristi himmelsfärdsdag 2026",
            "2025-01-06, 2025-01-07, trettondedag jul",
            "2025-05-01, 2025-05-02, första maj",
            "2025-06-06, 2025-06-09, nationaldagen (a Friday)",
            "2025-12-30, 2025-12-30, an ordinary Tuesday",
    })
    void theLastDayIsTheDayItselfOrTheNextWeekday(LocalDate due, LocalDate last, String why) {
        assertEquals(last, SwedishDeadlines.lastDayFor(due), why);
    }

    @Test
    void weekdaysAndDaysOff() {
        assertTrue(SwedishDeadlines.isWeekday(LocalDate.of(2024, 2, 1)));
        assertFalse(SwedishDeadlines.isWeekday(LocalDate.of(2025, 2, 1)));
        assertFalse(SwedishDeadlines.isWeekday(LocalDate.of(2026, 2, 1)));
        assertFalse(SwedishDeadlines.isWeekday(LocalDate.of(2025, 12, 24)));
        assertTrue(SwedishDeadlines.isWeekday(LocalDate.of(2025, 12, 23)));
        // Easter Monday 2019 is 22 April; the Monday after it is an ordinary day.
        assertFalse(SwedishDeadlines.isWeekday(LocalDate.of(2019, 4, 22)));
        assertTrue(SwedishDeadlines.isWeekday(LocalDate.of(2019, 4, 29)));
    }

    @Test
    void manyThreadsGetTheSameAnswers() {
        List<CompletableFuture<LocalDate>> answers = IntStream.range(0, 64)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> SwedishDeadlines.lastDayFor(LocalDate.of(2014 + i % 13, 12, 24))))
                .toList();
        for (int i = 0; i < answers.size(); i++) {
            LocalDate last = answers.get(i).join();
            assertTrue(last.isAfter(LocalDate.of(2014 + i % 13, 12, 26)), last.toString());
            assertEquals(last, SwedishDeadlines.lastDayFor(LocalDate.of(2014 + i % 13, 12, 24)));
        }
    }
}
