package se.forebygg.ledger.jdbc;

/**
 * The ledger's database failed as a whole (unreachable, closed, out of space, in use by another
 * process): no case after it could be decided either. One case's trouble (a lock timeout, a refused
 * record) is an {@link se.forebygg.engine.UndecidedCaseException} instead.
 */
public final class LedgerException extends RuntimeException {
    private final boolean usersSetup;

    public LedgerException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param usersSetup true when the cause lies in what the user asked for (a file in use by another
     *                   process, a URL no driver takes, a database that does not answer), not in Förebygg
     */
    public LedgerException(String message, Throwable cause, boolean usersSetup) {
        super(message, cause);
        this.usersSetup = usersSetup;
    }

    /** True when the cause lies in the user's setup rather than in Förebygg. */
    public boolean usersSetup() {
        return usersSetup;
    }
}
