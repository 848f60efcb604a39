package se.forebygg.parameters;

/** A parameter file that cannot be read, or a date that the parameter table does not cover. */
public class ParameterException extends RuntimeException {
    public ParameterException(String message) {
        super(message);
    }

    public ParameterException(String message, Throwable cause) {
        super(message, cause);
    }
}
