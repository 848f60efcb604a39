package se.forebygg.identity;

/** The forms each field takes, as the messages of a failed parse name them. */
final class Forms {
    static final String ORGANISATION = "an organisation number NNNNNN-NNNN (or 16NNNNNN-NNNN)";
    static final String PERSON = "a personal identity or coordination number YYYYMMDD-NNNN (or YYMMDD-NNNN,"
            + " YYMMDD+NNNN)";
    static final String EMPLOYER = "an organisation number NNNNNN-NNNN (or 16NNNNNN-NNNN), or a sole trader's"
            + " personal identity number YYYYMMDD-NNNN (or YYMMDD-NNNN, YYMMDD+NNNN)";

    private Forms() {
    }
}
