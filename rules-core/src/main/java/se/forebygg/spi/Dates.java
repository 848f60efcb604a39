package se.forebygg.spi;

import java.time.LocalDate;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.parameters.ParameterSet;
import se.forebygg.parameters.Parameters;

/** Looks up parameters for a date of a case, naming the date's JSON path when the table lacks it. */
public final class Dates {
    private Dates() {
    }

    public static ParameterSet parametersOn(Parameters parameters, LocalDate date, String path) {
        if (!parameters.covers(date)) {
            throw new InvalidCaseException(path, "no parameters for " + date + ": the parameter table ("
                    + parameters.version() + ") covers " + parameters.coverageFrom() + " to "
                    + parameters.coverageUntil());
        }
        return parameters.on(date);
    }
}
