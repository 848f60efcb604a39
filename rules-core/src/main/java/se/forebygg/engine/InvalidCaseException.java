package se.forebygg.engine;

/**
 * A case that the contract does not allow: a missing field, a value out of range, an impossible
 * combination. {@link #path()} names the place as a JSON path relative to the case ({@code $} is
 * the case itself), e.g. {@code $.claim.days[2].date}.
 */
public class InvalidCaseException extends IllegalArgumentException {
    private final String path;
    private final String reason;

    public InvalidCaseException(String path, String reason) {
        super(path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** JSON path of the offending value. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path. */
    public String reason() {
        return reason;
    }
}
