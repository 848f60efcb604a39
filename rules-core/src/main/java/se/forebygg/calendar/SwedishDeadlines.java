package se.forebygg.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Statutory deadlines on Swedish days (lag (1930:173) om beräkning av lagstadgad tid, 2 §): an act
 * due on a Sunday, another public holiday (allmän helgdag), a Saturday, midsommarafton, julafton or
 * nyårsafton may be done on the next weekday. The days come from Jollyday's Swedish calendar, which
 * lists exactly the allmänna helgdagar of lag (1989:253) plus those three eves. Thread-safe; each
 * year's days are read once.
 */
public final class SwedishDeadlines {
    private static final ConcurrentMap<Integer, Set<LocalDate>> DAYS_OFF_BY_YEAR = new ConcurrentHashMap<>();

    private SwedishDeadlines() {
    }

    /** The last day an act due on {@code due} may be done: {@code due}, or the next weekday when it is not one. */
    public static LocalDate lastDayFor(LocalDate due) {
        Objects.requireNonNull(due, "due");
        LocalDate day = due;
        while (!isWeekday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * True when {@code day} is a weekday in the sense of 2 §: not a Saturday or Sunday, not a public
     * holiday, not midsommarafton, julafton or nyårsafton.
     */
    public static boolean isWeekday(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidaysOf(day.getYear()).contains(day);
    }

    private static Set<LocalDate> holidaysOf(int year) {
        return DAYS_OFF_BY_YEAR.computeIfAbsent(year, y -> Manager.SWEDEN.getHolidays(Year.of(y)).stream()
                .map(Holiday::getDate).collect(Collectors.toUnmodifiableSet()));
    }

    /** Built on first use, once. */
    private static final class Manager {
        static final HolidayManager SWEDEN = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
    }
}
