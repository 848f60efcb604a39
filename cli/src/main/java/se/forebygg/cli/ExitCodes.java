package se.forebygg.cli;

/** The contract's exit statuses. */
final class ExitCodes {
    /** Every case was decided. */
    static final int OK = 0;
    /**
     * An internal failure; for {@code evaluate} also: some case could not be decided for a cause outside
     * its input (error objects with {@code "cause"}), all others were still written.
     */
    static final int INTERNAL_FAILURE = 1;
    /** Some case was bad input (all others were still written). */
    static final int BAD_INPUT = 2;
    /**
     * The command cannot start as asked, the user's mistake: a wrong option or value, a missing file, a
     * directory where a file belongs, a ledger URL no driver takes or in use by another process, a taken
     * port, rules or parameters given that do not load. 64 as in BSD's sysexits (EX_USAGE), apart from 2,
     * which says that some case was bad input.
     */
    static final int USAGE = 64;
    /** {@code ledger withdraw} / {@code ledger show}: nothing (that counts) is recorded under the caseId. */
    static final int NOTHING_RECORDED = 3;
    /** {@code replay}: some logged decision came out differently. */
    static final int MISMATCH = 3;
    /**
     * {@code replay}: the audit log does not check out (an unreadable line, a chain break, an unverified
     * {@code recordedEarlier} claim, a disagreement with the ledger, a keyed chain without its key).
     */
    static final int UNTRUSTED_LOG = 4;

    private ExitCodes() {
    }
}
