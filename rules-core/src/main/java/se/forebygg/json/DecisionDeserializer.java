package se.forebygg.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import se.forebygg.engine.Calculation;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.engine.Outcome;
import se.forebygg.grant.GrantCalculation;
import se.forebygg.preventive.PreventiveCalculation;
import se.forebygg.provider.ProviderCalculation;

/** Reads a decision back, choosing the calculation record by the decision's {@code type}. */
final class DecisionDeserializer extends JsonDeserializer<Decision> {

    static final Map<CaseType, Class<? extends Calculation>> CALCULATIONS = Map.of(
            CaseType.PREVENTIVE_SICKNESS_BENEFIT, PreventiveCalculation.class,
            CaseType.PROVIDER_APPROVAL, ProviderCalculation.class,
            CaseType.WORKPLACE_REHABILITATION_GRANT, GrantCalculation.class);

    @Override
    public Decision deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        ObjectNode node = p.readValueAsTree();
        CaseType type = ctxt.readTreeAsValue(node.get("type"), CaseType.class);
        TypeFactory types = ctxt.getTypeFactory();
        List<Finding> findings = ctxt.readTreeAsValue(node.get("findings"),
                types.constructCollectionType(List.class, Finding.class));
        List<String> fired = ctxt.readTreeAsValue(node.get("rulesFired"),
                types.constructCollectionType(List.class, String.class));
        JsonNode calculation = node.get("calculation");
        return new Decision(node.get("caseId").asText(), type,
                ctxt.readTreeAsValue(node.get("outcome"), Outcome.class),
                node.get("amount").decimalValue(),
                findings,
                calculation == null || calculation.isNull() ? null
                        : ctxt.readTreeAsValue(calculation, CALCULATIONS.get(type)),
                fired,
                node.get("rulesVersion").asText());
    }
}
