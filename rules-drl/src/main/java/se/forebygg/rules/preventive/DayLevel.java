package se.forebygg.rules.preventive;

import java.util.Objects;
import se.forebygg.preventive.ClaimDay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Rule fact (PSB-10): the benefit level one claimed day reaches; zero when below a quarter. Carries
 * the day's counted and uncounted minutes (PSB-9, PSB-9a) for the calculation.
 */
public record DayLevel(String caseId, ClaimDay day, int absentMinutes, int uncountedMinutes, BigDecimal level) {

    public LocalDate date() {
        return day.date();
    }

    /** True when the day pays something. */
    public boolean qualifies() {
        return level.signum() > 0;
    }

    /** The absence fraction, for people to read (four decimals); the level itself is decided exactly. */
    public BigDecimal fraction() {
        return BigDecimal.valueOf(absentMinutes).divide(BigDecimal.valueOf(day.normalWorkingMinutes()), 4,
                RoundingMode.HALF_UP);
    }

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
