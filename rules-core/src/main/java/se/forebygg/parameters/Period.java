package se.forebygg.parameters;

import java.time.LocalDate;
import java.util.List;

/**
 * A benefit's parameter record: its numbers as they stand over one period, {@link #from()} to
 * {@link #until()}, in which none of them changes. Implemented by each benefit's record (a Java record
 * whose other components are bound by name to the keys of the benefit's {@code parameters.yaml}).
 * A record should hash by its period alone (see the benefit records' {@code hashCode}).
 */
public interface Period {

    /** First day this period holds. */
    LocalDate from();

    /** Last day this period holds. */
    LocalDate until();

    /** True when {@code date} falls in this period. */
    default boolean covers(LocalDate date) {
        return !date.isBefore(from()) && !date.isAfter(until());
    }

    /** True when some of {@code dates} falls in this period: the period is one a case with those dates reads. */
    default boolean coversAny(List<LocalDate> dates) {
        for (LocalDate date : dates) {
            if (covers(date)) {
                return true;
            }
        }
        return false;
    }
}
