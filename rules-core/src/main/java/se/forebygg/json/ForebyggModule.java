package se.forebygg.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import se.forebygg.engine.Case;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Decision;
import se.forebygg.grant.GrantCase;
import se.forebygg.preventive.PreventiveCase;
import se.forebygg.provider.ProviderApprovalCase;

/**
 * Jackson module for the contract's JSON: cases by their {@code type}, decisions, ISO dates,
 * plain (never exponent) amounts. Register it on your own mapper; it changes nothing global.
 */
public final class ForebyggModule extends SimpleModule {

    public ForebyggModule() {
        super("forebygg", Version.unknownVersion());
        setMixInAnnotation(Case.class, CaseMixin.class);
        registerSubtypes(
                new NamedType(PreventiveCase.class, CaseType.PREVENTIVE_SICKNESS_BENEFIT.id()),
                new NamedType(ProviderApprovalCase.class, CaseType.PROVIDER_APPROVAL.id()),
                new NamedType(GrantCase.class, CaseType.WORKPLACE_REHABILITATION_GRANT.id()));
        addSerializer(LocalDate.class, new IsoDateSerializer());
        addDeserializer(LocalDate.class, new IsoDateDeserializer());
        addSerializer(BigDecimal.class, new PlainDecimalSerializer());
        addDeserializer(Decision.class, new DecisionDeserializer());
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface CaseMixin {
    }

    private static final class IsoDateSerializer extends JsonSerializer<LocalDate> {
        @Override
        public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class IsoDateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            try {
                return isoDate(text);
            } catch (DateTimeException e) {
                throw ctxt.weirdStringException(text, LocalDate.class, "not a date (YYYY-MM-DD)");
            }
        }
    }

    /**
     * {@link LocalDate#parse} of {@code text}, without the formatter's machinery for the one form cases use,
     * {@code YYYY-MM-DD} (a fifth of reading a case went to {@code LocalDate.parse}); any other text goes to
     * {@code LocalDate.parse}. Accepts and refuses exactly what {@code LocalDate.parse} does.
     *
     * @throws DateTimeException when {@code text} is not a date
     */
    static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day); // throws DateTimeException as parse does, e.g. for 02-30
            }
        }
        return LocalDate.parse(text);
    }

    /** The number the ASCII digits {@code text[from, to)} write, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class PlainDecimalSerializer extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.toPlainString());
        }
    }
}
