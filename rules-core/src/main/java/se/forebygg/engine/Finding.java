package se.forebygg.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One reason that shaped a decision: what, how strongly, which rule of the rulebook, which
 * paragraph of law, and a message in English and Swedish with the figures.
 */
@JsonPropertyOrder({"code", "severity", "rule", "legalReference", "message", "messageSv"})
public record Finding(ReasonCode code, Severity severity, String rule, String legalReference,
                      String message, String messageSv) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(legalReference, "legalReference");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageSv, "messageSv");
    }
}
