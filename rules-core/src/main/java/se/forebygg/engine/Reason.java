package se.forebygg.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Rule fact: a reason a rule found, before it is worded. The rule's metadata gives the rulebook id
 * ({@code @ruleId}) and the legal reference ({@code @legalReference}); the rule gives the code,
 * the severity and the figures that go into the message.
 */
public record Reason(String caseId, ReasonCode code, Severity severity, String ruleId, String legalReference,
                     String ruleName, List<String> args) {

    /** Metadata key of the rulebook id on every rule. */
    public static final String RULE_ID = "ruleId";
    /** Metadata key of the legal reference on every rule. */
    public static final String LEGAL_REFERENCE = "legalReference";

    public Reason {
        args = List.copyOf(args);
    }

    /** Called from a rule's consequence: {@code insertLogical(Reason.of(kcontext, $c.caseId(), CODE, SEVERITY, figures…))}. */
    public static Reason of(RuleContext kcontext, String caseId, ReasonCode code, Severity severity, Object... args) {
        Map<String, Object> meta = kcontext.getRule().getMetaData();
        String name = kcontext.getRule().getName();
        Object ruleId = meta.get(RULE_ID);
        Object legal = meta.get(LEGAL_REFERENCE);
        if (ruleId == null || legal == null) {
            throw new IllegalStateException("rule \"" + name + "\" lacks @" + RULE_ID + " or @" + LEGAL_REFERENCE);
        }
        List<String> words = new ArrayList<>(args.length);
        for (Object arg : args) {
            words.add(arg instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(arg));
        }
        return new Reason(caseId, code, severity, metadata(ruleId), metadata(legal), name, words);
    }

    /**
     * A metadata value as written in the DRL. Rules compiled at run time keep the quotes of a
     * string value ({@code "PSB-1"}); the build-time executable model does not.
     */
    public static String metadata(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
