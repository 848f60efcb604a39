package se.forebygg.ledger;

/** The ledger's database failed (unreachable, closed, out of space): an internal failure, not bad input. */
public final class LedgerException extends RuntimeException {

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
