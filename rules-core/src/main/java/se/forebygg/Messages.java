package se.forebygg;

import se.forebygg.engine.Finding;
import se.forebygg.explain.Wording;

import se.forebygg.spi.Reason;

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
 * <p>The figures go into the patterns written per language by {@link Wording#format}: decimals in
 * English as they are ({@code 0.25}, {@code 588000}), in Swedish with decimal comma and grouped
 * thousands ({@code 0,25}, {@code 588 000}); enum values as their terms ("wellness", "friskvård");
 * whole numbers (counts, minutes, years), dates (ISO) and ids alike in both. A count may choose its
 * words ({@code {0,choice,1#…|1<…}}), so that plurals are right.
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
                format(bundles.en(), reason, Locale.ENGLISH), format(bundles.sv(), reason, SWEDISH));
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

    private static String format(ResourceBundle bundle, Reason reason, Locale language) {
        String specific = reason.code() + "." + reason.severity();
        String pattern = bundle.getString(bundle.containsKey(specific) ? specific : reason.code().name());
        return Wording.format(pattern, language, reason.args().toArray());
    }
}
