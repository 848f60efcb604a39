package se.forebygg.explain;

import java.math.BigDecimal;
import java.text.ChoiceFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import se.forebygg.engine.SwedishNumbers;

/**
 * The words a person reads for the API's values, in English or Swedish (Swedish for a Swedish
 * locale, else English): each enum value's term ({@code PlanKind.WELLNESS} is "wellness", in
 * Swedish "friskvård"; {@code Outcome.REJECTED} "rejected", "avslag"), figures, and message patterns
 * that use both. The terms are in {@code se/forebygg/explain/terms.properties} and
 * {@code terms_sv.properties}, keyed {@code EnumName.CONSTANT}.
 *
 * <p>Figures: a decimal ({@link BigDecimal}: amounts, incomes, levels, shares) is written in English
 * as it is ({@code 6250.25}, {@code 0.25}), in Swedish by {@link SwedishNumbers} ({@code 6 250,25},
 * {@code 0,25}: decimal comma, a plain space between thousands). Whole numbers of type {@code int}
 * or {@code long} (counts, minutes, years) and dates are written alike in both languages.
 *
 * <p>Patterns are {@link MessageFormat} patterns whose plain {@code {n}} are written as above, and
 * whose {@code {n,choice,…}} choose the words for a count, so that a plural is right in either
 * language: {@code "{0} {0,choice,1#åtgärd|1<åtgärder}"} gives "1 åtgärd", "2 åtgärder". A choice may
 * hold figures again ({@code "{0,choice,1#Åtgärden|1<Ingen av de {0} åtgärderna}"}).
 */
public final class Wording {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    /** Shown for a figure that is missing. */
    private static final String NONE = "–";
    /** Patterns parsed once (a finding's wording parses its pattern for every decision otherwise), a bounded number. */
    private static final Map<String, MessageFormat> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_AT_MOST = 2_000;

    private Wording() {
    }

    /** True when {@code locale} is Swedish, the one language besides English. */
    public static boolean swedish(Locale locale) {
        return "sv".equals(Objects.requireNonNull(locale, "locale").getLanguage());
    }

    /**
     * The term for {@code value}: "partially approved", "delvis bifall". A value without a term (an
     * enum of a host's) is its name in lower case with spaces ({@code SOME_VALUE}: "some value").
     */
    public static String term(Enum<?> value, Locale locale) {
        String key = value.getDeclaringClass().getSimpleName() + "." + value.name();
        for (ResourceBundle terms : swedish(locale) ? new ResourceBundle[] {terms(SWEDISH), terms(Locale.ROOT)}
                : new ResourceBundle[] {terms(Locale.ROOT)}) {
            if (terms.containsKey(key)) {
                return terms.getString(key);
            }
        }
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code value} as the language writes it: {@code 6250.25} or {@code 6 250,25}; null gives "–". */
    public static String number(BigDecimal value, Locale locale) {
        return value == null ? NONE : swedish(locale) ? SwedishNumbers.format(value) : value.toPlainString();
    }

    /**
     * One figure as text: a decimal by {@link #number}, an enum by {@link #term}, a boolean as
     * yes/no ("ja"/"nej"), null as "–", anything else by {@link String#valueOf}.
     */
    public static String figure(Object value, Locale locale) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof BigDecimal d) {
            return number(d, locale);
        }
        if (value instanceof Enum<?> e) {
            return term(e, locale);
        }
        if (value instanceof Boolean b) {
            return terms(swedish(locale) ? SWEDISH : Locale.ROOT).getString(b ? "yes" : "no");
        }
        return String.valueOf(value);
    }

    /**
     * {@code pattern} with its figures written in {@code locale}'s way (see the class comment); a
     * {@code {n,choice,…}} needs a number for its figure.
     */
    public static String format(String pattern, Locale locale, Object... figures) {
        Object[] values = figures.clone();
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] == null ? NONE : values[i];
        }
        MessageFormat parsed = PARSED.get(pattern);
        if (parsed == null) {
            parsed = new MessageFormat(pattern, Locale.ROOT);
            if (PARSED.size() < PARSED_AT_MOST) {
                PARSED.putIfAbsent(pattern, parsed);
            }
        }
        // The parsed one is never changed: each use formats a copy of it with its own figures' formats.
        MessageFormat message = (MessageFormat) parsed.clone();
        Format[] formats = message.getFormats();
        for (int i = 0; i < formats.length; i++) {
            if (formats[i] == null) {
                formats[i] = new Figure(locale);
            } else if (formats[i] instanceof ChoiceFormat choice) {
                formats[i] = new Count(choice, locale, values);
            }
        }
        message.setFormats(formats);
        return message.format(values);
    }

    private static ResourceBundle terms(Locale locale) {
        return ResourceBundle.getBundle("se.forebygg.explain.terms", locale, Wording.class.getClassLoader(), NO_FALLBACK);
    }

    /** A plain {@code {n}}: the figure as {@link #figure} writes it. */
    private static final class Figure extends Format {
        private final Locale locale;

        Figure(Locale locale) {
            this.locale = locale;
        }

        @Override
        public StringBuffer format(Object value, StringBuffer to, FieldPosition pos) {
            return to.append(figure(value, locale));
        }

        @Override
        public Object parseObject(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * A {@code {n,choice,…}}: the words its count chooses, their own figures written as
     * {@link Figure} writes them (a {@link ChoiceFormat} left to {@link MessageFormat} would write
     * them by the root locale's number format, {@code 1,000}).
     */
    private static final class Count extends Format {
        private final ChoiceFormat choice;
        private final Locale locale;
        private final Object[] figures;

        Count(ChoiceFormat choice, Locale locale, Object[] figures) {
            this.choice = choice;
            this.locale = locale;
            this.figures = figures;
        }

        @Override
        public StringBuffer format(Object value, StringBuffer to, FieldPosition pos) {
            if (!(value instanceof Number count)) {
                throw new IllegalArgumentException("a choice needs a count, not " + value);
            }
            String words = choice.format(count.doubleValue());
            return to.append(words.indexOf('{') >= 0 ? Wording.format(words, locale, figures) : words);
        }

        @Override
        public Object parseObject(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    }
}
