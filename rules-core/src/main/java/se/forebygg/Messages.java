package se.forebygg;

import se.forebygg.engine.Finding;
import se.forebygg.engine.SwedishNumbers;

import se.forebygg.spi.Reason;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words a reason in English and Swedish from the {@code messages.properties} / {@code messages_sv.properties}
 * beside the DRL of the rule that found it: the bundle {@code <rule package>.messages} (for the shipped
 * rules e.g. {@code se/forebygg/rules/grant/messages.properties} in rules-drl), or of the nearest
 * enclosing package that has one. A key {@code CODE.SEVERITY} (e.g. {@code PSB_NO_SGI.WARNING}) wins over the plain {@code CODE}.
 *
 * <p>The figures go into the patterns as text, written per language: English as
 * {@link Reason#words()} gives them ({@code 0.25}, {@code 588000}); Swedish the same except that
 * decimals are written by {@link SwedishNumbers} ({@code 0,25}, {@code 588 000}). Whole numbers
 * (counts, minutes, years), dates (ISO), enum values and ids are written alike in both.
 */
final class Messages {
    /** The base name of the bundles in each rule package. */
    static final String BUNDLE = "messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /** A package's wording in both languages. */
    private record Bundles(ResourceBundle en, ResourceBundle sv) {
    }

    private static final Map<String, Bundles> BY_PACKAGE = new ConcurrentHashMap<>();

    private Messages() {
    }

    static Finding finding(Reason reason) {
        Bundles bundles = BY_PACKAGE.computeIfAbsent(reason.rulePackage(), Messages::load);
        return new Finding(reason.code(), reason.severity(), reason.ruleId(), reason.legalReference(),
                format(bundles.en(), reason, reason.words()), format(bundles.sv(), reason, swedish(reason.args())));
    }

    /** The bundles of {@code rulePackage}, or of its nearest enclosing package that has them. */
    private static Bundles load(String rulePackage) {
        ClassLoader loader = Messages.class.getClassLoader();
        for (String p = rulePackage; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            try {
                return new Bundles(ResourceBundle.getBundle(p + "." + BUNDLE, Locale.ROOT, loader, NO_FALLBACK),
                        ResourceBundle.getBundle(p + "." + BUNDLE, SWEDISH, loader, NO_FALLBACK));
            } catch (MissingResourceException e) {
                // try the enclosing package
            }
        }
        throw new IllegalStateException("no " + BUNDLE + ".properties for the rules of package " + rulePackage
                + ": put the wording beside the package's DRL");
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
