package se.forebygg.spi;

import java.time.LocalDate;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.parameters.ParameterException;
import se.forebygg.parameters.Parameters;
import se.forebygg.parameters.Period;

/** Looks up a benefit's parameters for a date of a case, naming the date's JSON path when the table lacks it. */
public final class Dates {
    private Dates() {
    }

    public static <R extends Period> R parametersOn(Parameters parameters, Class<R> type, LocalDate date, String path) {
        if (!parameters.covers(type, date)) {
            try {
                parameters.on(type, date);
            } catch (ParameterException e) {
                throw new InvalidCaseException(path, e.getMessage());
            }
        }
        return parameters.on(type, date);
    }
}
