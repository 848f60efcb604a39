package se.forebygg.engine;

import se.forebygg.spi.Reason;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Words a reason in English and Swedish from {@code messages.properties} / {@code messages_sv.properties}.
 * A key {@code CODE.SEVERITY} (e.g. {@code PSB_NO_SGI.WARNING}) wins over the plain {@code CODE}.
 *
 * <p>The figures go into the patterns as text, written per language: English as
 * {@link Reason#words()} gives them ({@code 0.25}, {@code 588000}); Swedish the same except that
 * decimals are written by {@link SwedishNumbers} ({@code 0,25}, {@code 588 000}). Whole numbers
 * (counts, minutes, years), dates (ISO), enum values and ids are written alike in both.
 */
final class Messages {
    private static final String BUNDLE = "se.forebygg.engine.messages";
    private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private static final ResourceBundle SV = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("sv"),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private Messages() {
    }

    static Finding finding(Reason reason) {
        return new Finding(reason.code(), reason.severity(), reason.ruleId(), reason.legalReference(),
                format(EN, reason, reason.words()), format(SV, reason, swedish(reason.args())));
    }

    /** The figures as the Swedish messages write them. */
    static List<String> swedish(List<Object> args) {
        return args.stream().map(a -> a instanceof BigDecimal d ? SwedishNumbers.format(d) : Reason.word(a)).toList();
    }

    private static String format(ResourceBundle bundle, Reason reason, List<String> figures) {
        String specific = reason.code() + "." + reason.severity();
        String pattern = bundle.getString(bundle.containsKey(specific) ? specific : reason.code().name());
        return new MessageFormat(pattern, Locale.ROOT).format(figures.toArray());
    }
}
