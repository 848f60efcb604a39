package se.forebygg.audit;

import java.util.Optional;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.RecordedGrant;
import se.forebygg.grant.Withdrawal;

/** Withdrawing a grant as the command line and the service do it: now, for a reason, and the record it left. */
public final class Withdrawals {
    private Withdrawals() {
    }

    /**
     * Withdraws the grant that counts under {@code caseId} in {@code ledger} (an {@link AuditLog#ledger()} logs it
     * ahead) for {@code reason} (null for none); the withdrawn record as the ledger now holds it, empty when no
     * grant counted under {@code caseId}.
     */
    public static Optional<RecordedGrant> withdraw(GrantLedger ledger, String caseId, String reason) {
        if (!ledger.withdraw(caseId, Withdrawal.now(reason))) {
            return Optional.empty();
        }
        return ledger.history(caseId).stream().filter(RecordedGrant::withdrawn).reduce((first, second) -> second);
    }
}
