package se.forebygg.http;

import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * The language a request asks its words in: {@code ?lang=} if given (a language tag: {@code sv},
 * {@code sv-SE}, {@code en}), else the best of {@code Accept-Language} with its quality values
 * ({@code sv;q=0} refuses Swedish), else English.
 */
enum Language {
    ENGLISH("en", Locale.ROOT),
    SWEDISH("sv", Locale.forLanguageTag("sv"));

    private static final List<String> TAGS = List.of("en", "sv");

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The tag of a {@code Content-Language} header: {@code en} or {@code sv}. */
    String tag() {
        return tag;
    }

    /** The locale that the explanations' bundles take. */
    Locale locale() {
        return locale;
    }

    /** The language {@code request} asks for. Throws {@link IllegalArgumentException} when {@code lang} names none we have. */
    static Language of(Request request) {
        Fields.Field lang = Request.extractQueryParameters(request).get("lang");
        if (lang != null) {
            String value = lang.getValue();
            String language = Locale.forLanguageTag(value == null ? "" : value).getLanguage();
            for (Language candidate : values()) {
                if (candidate.tag.equals(language)) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("lang=" + Problem.quote(value) + " is no language of this service: use sv or en");
        }
        String accepted = request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE);
        if (accepted == null) {
            return ENGLISH;
        }
        try {
            return "sv".equals(Locale.lookupTag(Locale.LanguageRange.parse(accepted), TAGS)) ? SWEDISH : ENGLISH;
        } catch (IllegalArgumentException malformed) {
            return ENGLISH; // a preference, not a demand: an unreadable one is no reason to refuse
        }
    }
}
