package se.forebygg.rules.grant;

import java.time.LocalDate;
import se.forebygg.calendar.SwedishDeadlines;

/**
 * Rule fact (ARS-8, ARS-8a): the last day an application was in time.
 *
 * @param statutory the day the law names (1 February of the year after the measures' year)
 * @param lastDay that day, or the next weekday when it is a Saturday, Sunday or public holiday
 */
public record ApplicationDeadline(String caseId, LocalDate statutory, LocalDate lastDay) {

    /** The statutory day itself, a weekday (ARS-8). */
    public static ApplicationDeadline on(String caseId, LocalDate statutory) {
        return new ApplicationDeadline(caseId, statutory, statutory);
    }

    /** The statutory day moved past a weekend or public holiday (ARS-8a). */
    public static ApplicationDeadline movedFrom(String caseId, LocalDate statutory) {
        return new ApplicationDeadline(caseId, statutory, SwedishDeadlines.lastDayFor(statutory));
    }

    /** True when the statutory day is a weekday in the sense of lag (1930:173) 2 §. */
    public static boolean isWeekday(LocalDate day) {
        return SwedishDeadlines.isWeekday(day);
    }
}
