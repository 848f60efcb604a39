package se.forebygg.audit;

/**
 * An audit log cannot be appended to: it is not a chained audit log of this format, its key is
 * missing or wrong, or writing failed (e.g. a full disk). Nothing was granted on a line that failed.
 */
public final class AuditLogException extends RuntimeException {

    AuditLogException(String message) {
        super(message);
    }

    AuditLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
