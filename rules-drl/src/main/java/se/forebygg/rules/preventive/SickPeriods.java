package se.forebygg.rules.preventive;

import se.forebygg.preventive.ClaimDay;
import se.forebygg.preventive.PreventiveCase;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Rule fact (PSB-11b): which day of its sjukperiod each claimed day is. Time with a right to preventive
 * sickness benefit is itself a sjukperiod (SFB 27:26); an employee's first days of one are paid by
 * working time (SFB 28:5), later days by calendar day (SFB 28:4).
 * <p>
 * ASSUMPTION (rulebook PSB-11b, docs/open-legal-questions.md): a sjukperiod is a run of consecutive
 * claimed dates; a gap of a day or more starts a new one. This class is the one place that reading lives.
 */
public record SickPeriods(String caseId, Map<LocalDate, Integer> dayOfPeriod) {

    public SickPeriods {
        dayOfPeriod = Map.copyOf(dayOfPeriod);
    }

    /** The sjukperioder of a case's claimed days (none at PLAN_APPROVAL). */
    public static SickPeriods of(PreventiveCase c) {
        Map<LocalDate, Integer> days = new HashMap<>();
        LocalDate previous = null;
        int day = 0;
        for (LocalDate date : new TreeSet<>(c.claimedDays().stream().map(ClaimDay::date).toList())) {
            day = previous != null && previous.plusDays(1).equals(date) ? day + 1 : 1;
            days.put(date, day);
            previous = date;
        }
        return new SickPeriods(c.caseId(), days);
    }

    /** The claimed {@code date}'s day number in its sjukperiod, from 1. */
    public int dayOf(LocalDate date) {
        Integer day = dayOfPeriod.get(date);
        if (day == null) {
            throw new IllegalArgumentException(date + " is not a claimed day of case " + caseId);
        }
        return day;
    }

    /** The first day of the sjukperiod that the claimed {@code date} belongs to. */
    public LocalDate startOf(LocalDate date) {
        return date.minusDays(dayOf(date) - 1L);
    }
}
