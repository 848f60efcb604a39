package se.forebygg.rules.preventive;

import se.forebygg.preventive.ClaimDay;

/**
 * Rule fact (PSB-9, PSB-9a): the minutes of one claimed day that count, treatment plus preparation and
 * aftercare plus travel, against that day's normal working minutes; and the minutes that do not count
 * (preparation and travel on a day without treatment).
 */
public record DayAbsence(String caseId, ClaimDay day, int absentMinutes, int uncountedMinutes) {
}
