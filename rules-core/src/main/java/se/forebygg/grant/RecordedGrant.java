package se.forebygg.grant;

import java.util.Objects;
import se.forebygg.engine.Decision;

/**
 * A decision as a {@link GrantLedger} holds it: the application's input hash, the decision, the audit
 * line it was logged in ({@code anchor}, null when recorded without one) and whether it was withdrawn
 * (then it no longer counts against the caps).
 */
public record RecordedGrant(String caseId, String inputHash, Decision decision, AuditAnchor anchor, boolean withdrawn) {

    public RecordedGrant {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(decision, "decision");
    }
}
