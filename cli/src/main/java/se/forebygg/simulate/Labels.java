package se.forebygg.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import se.forebygg.engine.ReasonCode;
import se.forebygg.explain.Wording;

/**
 * The report's words and figures in one language (Swedish for a Swedish locale, else English), from
 * {@code se/forebygg/simulate/report.properties} and {@code report_sv.properties}; terms and Swedish
 * figures from {@link Wording}. Amounts have two decimals and grouped thousands: Swedish
 * {@code 1 234 567,89} (a plain space, decimal comma, as {@code messageSv}), English {@code 1,234,567.89}.
 */
final class Labels {
    private final Locale locale;
    private final ResourceBundle words;

    Labels(Locale locale) {
        this.locale = Wording.swedish(locale) ? Locale.forLanguageTag("sv") : Locale.ENGLISH;
        this.words = ResourceBundle.getBundle("se.forebygg.simulate.report",
                Wording.swedish(locale) ? this.locale : Locale.ROOT, Labels.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    boolean swedish() {
        return Wording.swedish(locale);
    }

    /** The text of {@code key}, its figures written by {@link Wording#format}. */
    String say(String key, Object... args) {
        return Wording.format(words.getString(key), locale, args);
    }

    String term(Enum<?> value) {
        return Wording.term(value, locale);
    }

    /** A reason code with its short label: "PSB_NO_SGI (no SGI)". */
    String code(ReasonCode code) {
        return code.name() + " (" + term(code) + ")";
    }

    /** An amount of kronor with two decimals and grouped thousands. */
    String kr(BigDecimal amount) {
        BigDecimal two = amount.setScale(2, RoundingMode.HALF_UP);
        return swedish() ? Wording.number(two, locale) : english("#,##0.00").format(two);
    }

    /** An amount's change, with its sign: "+1,234.00", "-50.00", "0.00". */
    String signedKr(BigDecimal change) {
        return (change.signum() > 0 ? "+" : "") + kr(change);
    }

    /** A number of decisions, grouped: "3,330", "3 330". */
    String count(long n) {
        return swedish() ? Wording.number(BigDecimal.valueOf(n), locale) : english("#,##0").format(n);
    }

    String signedCount(long change) {
        return (change > 0 ? "+" : "") + count(change);
    }

    /** A parameter's value: a decimal as the language writes it, a list item by item, anything else as it is. */
    String value(Object value) {
        if (value instanceof Collection<?> list) {
            return "[" + list.stream().map(this::value).collect(Collectors.joining(", ")) + "]";
        }
        return Wording.figure(value, locale);
    }

    private static DecimalFormat english(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
