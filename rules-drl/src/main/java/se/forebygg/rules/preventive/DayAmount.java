package se.forebygg.rules.preventive;

import java.util.Objects;
import se.forebygg.preventive.CalculationMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Rule fact (PSB-11, PSB-11a): what one qualifying day pays, the full daily amount at that day's level.
 * For working time the full daily amount is the hourly rate × {@code groupHours} / {@code groupDays}
 * (one day: that day's hours; several days at one level: their hours together, SFB 28:14).
 *
 * @param hourlyRate null for the calendar-day method
 * @param hours the day's ordinary working hours, rounded; null for the calendar-day method
 */
public record DayAmount(String caseId, LocalDate date, CalculationMethod method, BigDecimal level,
                        BigDecimal hourlyRate, BigDecimal hours, Integer groupDays, BigDecimal groupHours,
                        BigDecimal fullDailyAmount, BigDecimal amount) {

    /** A day paid by calendar day: the full daily amount at the day's level. */
    public static DayAmount byCalendarDay(String caseId, LocalDate date, BigDecimal level, BigDecimal fullDailyAmount,
                                          BigDecimal amount) {
        return new DayAmount(caseId, date, CalculationMethod.CALENDAR_DAY, level, null, null, null, null,
                fullDailyAmount, amount);
    }

    /**
     * A day paid by working time (SFB 28:13–14): the full day is the hourly rate × the hours of every
     * day of its group ({@code groupHoursOfDays}) / their number, and the day pays that at its level.
     */
    public static DayAmount byWorkingTime(WorkingTimeDay day, HourlyRate rate, List<BigDecimal> groupHoursOfDays) {
        BigDecimal total = groupHoursOfDays.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fullDay = day.period().workingTimeFullDay(rate.rate(), total, groupHoursOfDays.size());
        return new DayAmount(day.caseId(), day.date(), CalculationMethod.WORKING_TIME, day.level(), rate.rate(),
                day.hours(), groupHoursOfDays.size(), total, fullDay, day.period().dayAmount(fullDay, day.level()));
    }

    /**
     * A hash of the case and the date only, consistent with {@code equals} (every component): truth maintenance hashes
     * every fact inserted logically, and the record's hash of every component (a nested record, a
     * parameter set) was a visible part of deciding (docs/performance.md, "Every core").
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(caseId) + Objects.hashCode(date);
    }
}
