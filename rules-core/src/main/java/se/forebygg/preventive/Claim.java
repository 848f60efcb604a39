package se.forebygg.preventive;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.internal.checks.Require;

/** The days claimed at the COMPENSATION step: at least one, each date once. */
public record Claim(List<ClaimDay> days) {
    /** More days than any real claim has; a longer list is bad input. */
    public static final int MAX_DAYS = 10_000;

    public Claim {
        days = Require.list(days, "days");
        if (days.isEmpty()) {
            throw new InvalidCaseException("$.days", "must list at least one day");
        }
        if (days.size() > MAX_DAYS) {
            throw new InvalidCaseException("$.days", "lists " + days.size() + " days; at most " + MAX_DAYS
                    + " are accepted");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            if (!seen.add(days.get(i).date())) {
                throw new InvalidCaseException("$.days[" + i + "].date", "date " + days.get(i).date()
                        + " is claimed twice");
            }
        }
    }
}
