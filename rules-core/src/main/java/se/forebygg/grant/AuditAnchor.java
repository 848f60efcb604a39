package se.forebygg.grant;

import java.util.Objects;

/**
 * Where a recorded decision was logged: an audit log's id, the number of its line ({@code seq}) and
 * the SHA-256 of that line's exact bytes. A ledger keeps it with the decision, so that an audit of
 * the log can check that every committed grant has its line, unchanged.
 */
public record AuditAnchor(String auditLogId, long line, String lineHash) {

    public AuditAnchor {
        Objects.requireNonNull(auditLogId, "auditLogId");
        Objects.requireNonNull(lineHash, "lineHash");
        if (line < 1) {
            throw new IllegalArgumentException("an audit line number starts at 1: " + line);
        }
    }
}
