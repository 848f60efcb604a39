package se.forebygg.identity;

import java.text.Normalizer;
import se.forebygg.engine.InvalidCaseException;

/**
 * An identifier's text with its spelling set aside: the digits (any Unicode decimal digits, as
 * ASCII) and the one separator, if any. Whitespace anywhere is dropped, every dash ({@code Pd},
 * U+2212 minus) is a hyphen, and every plus sign (full-width, small) is {@code +}. Anything else
 * is bad input: a letter, an invisible format character, a second separator. Where the
 * separator stands is checked by {@link #requireSeparatorBeforeLastFour()} once the number of
 * digits is known to be right, so that a missing digit is told as such.
 */
final class Spelling {
    /** More digits than this are not kept: no identifier has them, and the count is still told. */
    private static final int KEPT_DIGITS = 13;
    private static final int QUOTED_CHARACTERS = 40;

    private final String text;
    private final String path;
    private final String expected;
    private final String digits;
    private final int digitCount;
    private final char separator;
    private final int digitsBeforeSeparator;

    private Spelling(String text, String path, String expected, String digits, int digitCount, char separator,
                     int digitsBeforeSeparator) {
        this.text = text;
        this.path = path;
        this.expected = expected;
        this.digits = digits;
        this.digitCount = digitCount;
        this.separator = separator;
        this.digitsBeforeSeparator = digitsBeforeSeparator;
    }

    /**
     * Reads {@code text}; a problem is reported at {@code path}, saying that {@code expected} (the
     * forms the field takes) was expected.
     */
    static Spelling read(String text, String path, String expected) {
        if (text == null) {
            throw new InvalidCaseException(path, "is required; expected " + expected);
        }
        StringBuilder digits = new StringBuilder(KEPT_DIGITS);
        int digitCount = 0;
        char separator = 0;
        int digitsBeforeSeparator = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isDigit(c)) {
                if (digitCount < KEPT_DIGITS) {
                    digits.append((char) ('0' + Character.digit(c, 10)));
                }
                digitCount++;
            } else if (isSpace(c)) {
                continue;
            } else if (isHyphen(c) || isPlus(c)) {
                char found = isHyphen(c) ? '-' : '+';
                if (separator != 0) {
                    throw failure(text, path, expected, "two separators ('" + separator + "' and '" + found
                            + "'); one '-' or '+' stands before the last four digits");
                }
                separator = found;
                digitsBeforeSeparator = digitCount;
            } else {
                throw failure(text, path, expected, character(c) + " is not a digit, '-' or '+'");
            }
        }
        if (digitCount == 0) {
            throw failure(text, path, expected, "no digits");
        }
        return new Spelling(text, path, expected, digits.toString(), digitCount, separator,
                digitsBeforeSeparator);
    }

    /** Fails unless the separator, if any, stands before the last four digits. */
    void requireSeparatorBeforeLastFour() {
        if (separator != 0 && digitCount - digitsBeforeSeparator != 4) {
            throw fail("'" + separator + "' stands after digit " + digitsBeforeSeparator + " of " + digitCount
                    + "; it belongs before the last four digits");
        }
    }

    /** The digits, as ASCII; only the first 13 when there are more (see {@link #digitCount()}). */
    String digits() {
        return digits;
    }

    int digitCount() {
        return digitCount;
    }

    /** {@code '-'}, {@code '+'} or 0 when the text has no separator. */
    char separator() {
        return separator;
    }

    /** The exception for {@code problem} in this text, at this path. */
    InvalidCaseException fail(String problem) {
        return failure(text, path, expected, problem);
    }

    private static InvalidCaseException failure(String text, String path, String expected, String problem) {
        return new InvalidCaseException(path, quote(text) + ": " + problem + "; expected " + expected);
    }

    /**
     * Unicode's space separators and the usual white space controls; not the other controls that
     * {@link Character#isWhitespace} counts (U+001C–U+001F), which have no business in a number.
     */
    private static boolean isSpace(int c) {
        return Character.isSpaceChar(c) || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isHyphen(int c) {
        return Character.getType(c) == Character.DASH_PUNCTUATION || c == '\u2212';
    }

    private static boolean isPlus(int c) {
        return c == '+' || Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC).equals("+");
    }

    /**
     * The text in quotes as it can be shown in a message or a log: at most 40 characters, control,
     * format and unusual space characters escaped, so that what looks alike in the message is alike.
     */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        int shown = 0;
        int i = 0;
        while (i < text.length() && shown < QUOTED_CHARACTERS) {
            int c = text.codePointAt(i);
            b.append(escaped(c));
            i += Character.charCount(c);
            shown++;
        }
        if (i < text.length()) {
            return b.append("…\" (").append(text.codePointCount(0, text.length())).append(" characters)").toString();
        }
        return b.append('"').toString();
    }

    /** One character in single quotes, with its code point when it is not plain ASCII. */
    private static String character(int c) {
        String quoted = "'" + escaped(c) + "'";
        return c >= 0x20 && c < 0x7f ? quoted : quoted + " (" + String.format("U+%04X", c) + ")";
    }

    private static String escaped(int c) {
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        int type = Character.getType(c);
        boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.SPACE_SEPARATOR && c != ' ');
        if (!invisible) {
            return Character.toString(c);
        }
        return c <= 0xffff ? String.format("\\u%04X", c) : String.format("\\u{%X}", c);
    }
}
