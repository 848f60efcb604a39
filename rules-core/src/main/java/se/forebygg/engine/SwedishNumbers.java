package se.forebygg.engine;

import java.math.BigDecimal;

/**
 * Decimal numbers written the Swedish way, as contract version 2 shows them in {@code messageSv}:
 * decimal comma and a space between groups of three digits ({@code 0.25} → {@code "0,25"},
 * {@code 588000} → {@code "588 000"}, {@code 6250.25} → {@code "6 250,25"}, {@code -1000} → {@code "-1 000"}).
 *
 * <p>The group separator is a plain space (U+0020), as the contract writes it, not the no-break
 * space (U+00A0) that Java's {@code sv} locale gives: readers and tests compare the text with the
 * contract, and a no-break space looks the same but does not compare equal. The minus is the ASCII
 * hyphen-minus for the same reason (the {@code sv} locale gives U+2212).
 *
 * <p>The digits are those of {@link BigDecimal#toPlainString()}: no rounding, no exponent, and the
 * value's own scale (strip trailing zeros before, where they mean nothing). Only decimals are
 * written this way; whole-number counts, minutes and years are not numbers to group
 * ({@code 2025}, not {@code 2 025}) and are written as they are.
 */
public final class SwedishNumbers {
    /** The separator between groups of three digits: a plain space. */
    public static final char GROUP_SEPARATOR = ' ';
    /** The decimal separator: a comma. */
    public static final char DECIMAL_SEPARATOR = ',';

    private SwedishNumbers() {
    }

    /** {@code value} with decimal comma and grouped thousands; {@code null} gives {@code null}. */
    public static String format(BigDecimal value) {
        if (value == null) {
            return null;
        }
        String plain = value.toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder out = new StringBuilder(plain.length() + plain.length() / 3 + 1);
        out.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                out.append(GROUP_SEPARATOR);
            }
            out.append(plain.charAt(i));
        }
        if (point >= 0) {
            out.append(DECIMAL_SEPARATOR).append(plain, point + 1, plain.length());
        }
        return out.toString();
    }
}
