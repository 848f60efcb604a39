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
import java.time.format.DateTimeParseException;
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
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, LocalDate.class, "not a date (YYYY-MM-DD)");
            }
        }
    }

    private static final class PlainDecimalSerializer extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.toPlainString());
        }
    }
}
