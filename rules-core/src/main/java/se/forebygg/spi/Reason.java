package se.forebygg.spi;

import java.util.Objects;
import se.forebygg.engine.ReasonCode;
import se.forebygg.engine.Severity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Rule fact: a reason a rule found, before it is worded. The rule's metadata gives the rulebook id
 * ({@code @ruleId}) and the legal reference ({@code @legalReference}); the rule gives the code,
 * the severity and the figures that go into the message; the rule's package says where the wording
 * is ({@code messages.properties} and {@code messages_sv.properties} beside the package's DRL).
 *
 * <p>The figures keep their type, so that each language can write them its own way (see
 * {@code se.forebygg.Messages}): a {@link BigDecimal} (amount, income, level, share, factor) is stored without
 * trailing zeros ({@code 0.250} and {@code 0.25} are the same figure), whole numbers (counts,
 * minutes, years) stay {@link Integer} / {@link Long}, dates, enum values and strings stay as they
 * are. A {@code double} or {@code float} becomes the {@link BigDecimal} of its decimal text; any
 * other value (or {@code null}) is frozen to its text at once. So equal figures give equal reasons,
 * as {@code insertLogical} needs, and a mutable argument cannot change a reason afterwards.
 */
public record Reason(String caseId, ReasonCode code, Severity severity, String ruleId, String legalReference,
                     String rulePackage, List<Object> args) {

    /** Metadata key of the rulebook id on every rule. */
    public static final String RULE_ID = "ruleId";
    /** Metadata key of the legal reference on every rule. */
    public static final String LEGAL_REFERENCE = "legalReference";

    public Reason {
        List<Object> values = new ArrayList<>(args.size());
        for (Object arg : args) {
            values.add(value(arg));
        }
        args = List.copyOf(values);
    }

    /**
     * The figures as plain text, the way the English messages write them: a decimal by
     * {@link BigDecimal#toPlainString()} ({@code 0.25}, {@code 588000}), anything else by
     * {@link String#valueOf(Object)}. Also the figures' part of the findings' stable order.
     */
    public List<String> words() {
        List<String> words = new ArrayList<>(args.size());
        for (Object arg : args) {
            words.add(word(arg));
        }
        return words;
    }

    /** One figure as plain text: see {@link #words()}. */
    public static String word(Object arg) {
        return arg instanceof BigDecimal d ? d.toPlainString() : String.valueOf(arg);
    }

    /** A figure as stored: see the class comment. */
    private static Object value(Object arg) {
        if (arg instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        if ((arg instanceof Double || arg instanceof Float) && Double.isFinite(((Number) arg).doubleValue())) {
            return new BigDecimal(arg.toString()).stripTrailingZeros();
        }
        if (arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte
                || arg instanceof BigInteger || arg instanceof String || arg instanceof Enum<?>
                || arg instanceof Boolean || arg instanceof Character
                || (arg instanceof TemporalAccessor && arg.getClass().getPackageName().equals("java.time"))) {
            return arg;
        }
        return String.valueOf(arg);
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
        return new Reason(caseId, code, severity, metadata(ruleId), metadata(legal),
                kcontext.getRule().getPackageName(), Arrays.asList(args));
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

    /**
     * A hash of the case, the code and the rule only, consistent with {@code equals} (every component): truth maintenance hashes
     * every fact inserted logically, and the record's hash of every component (a nested record, a
     * parameter set) was a visible part of deciding (docs/performance.md, "Every core").
     */
    @Override
    public int hashCode() {
        return (31 * Objects.hashCode(caseId) + (code == null ? 0 : code.ordinal())) * 31 + Objects.hashCode(ruleId);
    }
}
