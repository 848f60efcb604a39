package se.forebygg.grant;

import java.time.Instant;

/**
 * Why and when a recorded grant was withdrawn (an appeal, a decision taken again), and the audit
 * line that logged the withdrawal. A ledger keeps it with the withdrawn decision.
 *
 * @param at     when it was withdrawn; null for a withdrawal recorded before ledgers kept the time
 * @param reason the reason given, free text; null for none
 * @param anchor the audit line that logged the withdrawal; null when it was not logged
 */
public record Withdrawal(Instant at, String reason, AuditAnchor anchor) {

    /** The longest reason a ledger keeps. */
    public static final int MAX_REASON_LENGTH = 1000;

    public Withdrawal {
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("a withdrawal's reason has at most " + MAX_REASON_LENGTH
                    + " characters, not " + reason.length());
        }
    }

    /** A withdrawal now, for {@code reason} (null for none), not logged. */
    public static Withdrawal now(String reason) {
        return new Withdrawal(Instant.now(), reason, null);
    }
}
