package se.forebygg.preventive;

/**
 * Rule fact (PSB-9): the minutes of one claimed day that count, treatment plus preparation and
 * aftercare plus travel, against that day's normal working minutes.
 */
public record DayAbsence(String caseId, ClaimDay day, int absentMinutes) {
}
