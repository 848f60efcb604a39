package se.forebygg.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.json.CaseError;
import se.forebygg.json.ForebyggJson;

/**
 * Renders a decision (or an error object) as plain text for people: outcome, amount, findings and
 * the calculation. The only place {@code POST /v1/explanations} gets its text from, so a fuller
 * explanation renderer can replace it in one step.
 */
public final class PlainTextExplanation {
    private final ObjectMapper mapper = ForebyggJson.newMapper();

    /** The text for one result of {@link se.forebygg.batch.Batches#decide}. */
    public String render(Object result) {
        if (result instanceof Decision d) {
            return render(d);
        }
        CaseError e = (CaseError) result;
        return "Case " + (e.caseId() == null ? "(no caseId)" : e.caseId()) + ": not decided, bad input at line "
                + e.error().line() + ", " + e.error().path() + ": " + e.error().message() + "\n";
    }

    public String render(Decision d) {
        StringBuilder text = new StringBuilder();
        text.append("Case ").append(d.caseId()).append(" (").append(d.type().id()).append("): ")
                .append(d.outcome()).append(", ").append(d.amount().toPlainString()).append(" kr\n");
        if (d.findings().isEmpty()) {
            text.append("  No findings: every rule was met.\n");
        }
        for (Finding f : d.findings()) {
            text.append("  ").append(f.severity()).append(' ').append(f.code()).append(" (").append(f.rule())
                    .append(", ").append(f.legalReference()).append(")\n")
                    .append("    ").append(f.message()).append('\n');
        }
        text.append("  Calculation:\n");
        appendNode(text, mapper.valueToTree(d.calculation()), "    ");
        text.append("  Rules version: ").append(d.rulesVersion()).append('\n');
        return text.toString();
    }

    private static void appendNode(StringBuilder text, JsonNode node, String indent) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isContainerNode() && field.getValue().isEmpty()) {
                    text.append(indent).append(field.getKey()).append(": (none)\n");
                } else if (field.getValue().isContainerNode()) {
                    text.append(indent).append(field.getKey()).append(":\n");
                    appendNode(text, field.getValue(), indent + "  ");
                } else {
                    text.append(indent).append(field.getKey()).append(": ").append(scalar(field.getValue())).append('\n');
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isContainerNode()) {
                    text.append(indent).append("-\n");
                    appendNode(text, element, indent + "  ");
                } else {
                    text.append(indent).append("- ").append(scalar(element)).append('\n');
                }
            }
        }
    }

    private static String scalar(JsonNode value) {
        return value.isNull() ? "—" : value.asText();
    }
}
