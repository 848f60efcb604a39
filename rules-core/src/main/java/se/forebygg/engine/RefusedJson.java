package se.forebygg.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import se.forebygg.engine.Result;

/**
 * The contract's error object of a {@link Result.Refused}:
 * {@code {"caseId": …, "error": {"line": …, "path": …, "message": …[, "cause": …]}}}; {@code cause} only
 * when the input is not at fault.
 */
final class RefusedJson extends JsonSerializer<Result.Refused> {

    @Override
    public void serialize(Result.Refused refused, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName("caseId");
        if (refused.caseId() == null) {
            gen.writeNull();
        } else {
            gen.writeString(refused.caseId());
        }
        gen.writeObjectFieldStart("error");
        gen.writeFieldName("line");
        if (refused.line() == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(refused.line());
        }
        gen.writeStringField("path", refused.path());
        gen.writeStringField("message", refused.message());
        if (refused.cause().label() != null) {
            gen.writeStringField("cause", refused.cause().label());
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }
}
