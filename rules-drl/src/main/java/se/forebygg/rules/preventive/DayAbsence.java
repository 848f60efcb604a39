package se.forebygg.rules.preventive;

import java.util.Objects;
import se.forebygg.preventive.ClaimDay;

/**
 * Rule fact (PSB-9, PSB-9a): the minutes of one claimed day that count, treatment plus preparation and
 * aftercare plus travel, against that day's normal working minutes; and the minutes that do not count
 * (preparation and travel on a day without treatment).
 */
public record DayAbsence(String caseId, ClaimDay day, int absentMinutes, int uncountedMinutes) {

    /**
     * A hash of the case and the day's date only, consistent with {@code equals} (every component): truth maintenance hashes
     * every fact inserted logically, and the record's hash of every component (a nested record, a
     * parameter set) was a visible part of deciding (docs/performance.md, "Every core").
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(caseId) + (day == null ? 0 : Objects.hashCode(day.date()));
    }
}
