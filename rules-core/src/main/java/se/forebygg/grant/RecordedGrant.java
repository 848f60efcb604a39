package se.forebygg.grant;

import java.util.Objects;
import se.forebygg.engine.Decision;

/**
 * A decision as a {@link GrantLedger} holds it: the application's input hash, the decision, the audit
 * line it was logged in ({@code anchor}, null when recorded without one) and, when it was withdrawn
 * (then it no longer counts against the caps), its {@code withdrawal}; null while it counts.
 */
public record RecordedGrant(String caseId, String inputHash, Decision decision, AuditAnchor anchor,
                            Withdrawal withdrawal) {

    public RecordedGrant {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(decision, "decision");
    }

    /** True when the decision was withdrawn: it no longer counts against the caps. */
    public boolean withdrawn() {
        return withdrawal != null;
    }
}
