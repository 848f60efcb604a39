package se.forebygg.audit;

/**
 * An audit log cannot be appended to: it is not a chained audit log of this format, its key is
 * missing or wrong, or writing failed (e.g. a full disk). Nothing was granted on a line that failed.
 */
public final class AuditLogException extends RuntimeException {
    private final boolean usersMistake;

    /** The file given is no audit log to append to (not chained, another format, a missing or wrong key). */
    AuditLogException(String message) {
        super(message);
        this.usersMistake = true;
    }

    /** Writing failed ({@code cause}: a full disk, a lost file system). */
    AuditLogException(String message, Throwable cause) {
        super(message, cause);
        this.usersMistake = false;
    }

    /** True when the file the user gave is the fault (not an audit log of this format, a wrong key), not writing. */
    public boolean usersMistake() {
        return usersMistake;
    }
}
