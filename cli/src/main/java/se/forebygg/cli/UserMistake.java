package se.forebygg.cli;

/**
 * What the user asked for cannot be done as asked (a missing file, a directory where a file belongs):
 * reported as one line naming the thing at fault and what to do, with {@link ExitCodes#USAGE}, never
 * as an internal failure.
 */
final class UserMistake extends RuntimeException {
    UserMistake(String message) {
        super(message, null, false, false);
    }
}
