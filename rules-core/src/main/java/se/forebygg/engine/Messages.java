package se.forebygg.engine;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Words a reason in English and Swedish from {@code messages.properties} / {@code messages_sv.properties}.
 * A key {@code CODE.SEVERITY} (e.g. {@code PSB_NO_SGI.WARNING}) wins over the plain {@code CODE}.
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
                format(EN, reason), format(SV, reason));
    }

    private static String format(ResourceBundle bundle, Reason reason) {
        String specific = reason.code() + "." + reason.severity();
        String pattern = bundle.getString(bundle.containsKey(specific) ? specific : reason.code().name());
        return new MessageFormat(pattern, Locale.ROOT).format(reason.args().toArray());
    }
}
