package se.forebygg.grant;

import se.forebygg.engine.InvalidCaseException;

/**
 * A grant application whose caseId the ledger has already recorded for a different application
 * (another input hash). Deciding it would count one caseId twice, so it is bad input at {@code $.caseId}.
 */
public final class ChangedApplicationException extends InvalidCaseException {

    public ChangedApplicationException(String caseId) {
        super("$.caseId", "caseId '" + caseId + "' is already decided for a different application; "
                + "withdraw that decision or use a new caseId");
    }
}
