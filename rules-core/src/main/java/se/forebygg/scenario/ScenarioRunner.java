package se.forebygg.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.Forebygg;
import se.forebygg.engine.Result;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;

/**
 * Runs scenarios against an engine. The case goes through the same JSON reader as any host input,
 * so a scenario case is exactly what a host would send.
 *
 * <pre>{@code
 * ScenarioRunner runner = new ScenarioRunner(Forebygg.create());
 * for (Scenario s : ScenarioFiles.load(List.of(Path.of("scenarios")))) {
 *     ScenarioResult r = runner.run(s);
 * }
 * }</pre>
 */
public final class ScenarioRunner {
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final Forebygg engine;
    private final ObjectMapper mapper = ForebyggJson.newMapper();

    public ScenarioRunner(Forebygg engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    public ScenarioResult run(Scenario scenario) {
        Result result;
        try (CaseReader reader = CaseReader.open(new StringReader(mapper.writeValueAsString(scenario.caseJson())))) {
            result = engine.decideAll(List.of(reader.next())).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (result instanceof Result.Refused refused) {
            return refused.isBadInput() ? badCase(scenario, refused)
                    : new ScenarioResult(scenario, null, List.of(new Mismatch("case", "a decision",
                            "not decided (" + refused.cause().label() + "): " + refused.message())));
        }
        Decision decision = result.orThrow();
        return new ScenarioResult(scenario, decision, compare(scenario.expect(), decision));
    }

    public List<ScenarioResult> runAll(List<Scenario> scenarios) {
        return scenarios.stream().map(this::run).toList();
    }

    private static ScenarioResult badCase(Scenario scenario, Result.Refused error) {
        return new ScenarioResult(scenario, null, List.of(new Mismatch("case", "a valid case",
                "bad input at " + error.path() + ": " + error.message())));
    }

    private List<Mismatch> compare(Map<String, JsonNode> expect, Decision decision) {
        JsonNode actual = mapper.valueToTree(decision);
        List<Mismatch> mismatches = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expect.entrySet()) {
            String key = e.getKey();
            JsonNode want = e.getValue();
            switch (key) {
                case "amount" -> {
                    BigDecimal expected = number(want, key);
                    if (expected.compareTo(decision.amount()) != 0) {
                        mismatches.add(new Mismatch(key, money(expected), money(decision.amount())));
                    }
                }
                case "codes" -> {
                    if (!want.isArray()) {
                        throw new ScenarioException("expect.codes must be a list of reason codes");
                    }
                    TreeSet<String> expected = new TreeSet<>();
                    want.forEach(c -> expected.add(c.asText()));
                    TreeSet<String> got = new TreeSet<>();
                    for (Finding f : decision.findings()) {
                        got.add(f.code().name());
                    }
                    if (!expected.equals(got)) {
                        mismatches.add(new Mismatch(key, expected.toString(), got.toString()));
                    }
                }
                default -> {
                    JsonNode got = at(actual, key);
                    if (!same(want, got)) {
                        mismatches.add(new Mismatch(key, show(want), got == null ? "nothing" : show(got)));
                    }
                }
            }
        }
        return mismatches;
    }

    /** The node at a dotted path such as {@code calculation.sgi[0].sgi} (a leading {@code $.} is allowed); null if absent. */
    static JsonNode at(JsonNode root, String path) {
        String p = path.startsWith("$.") ? path.substring(2) : path;
        JsonNode node = root;
        Matcher m = STEP.matcher(p);
        int consumed = 0;
        while (m.find()) {
            if (node == null) {
                return null;
            }
            consumed = m.end();
            node = m.group(1) != null ? node.get(m.group(1)) : node.get(Integer.parseInt(m.group(2)));
        }
        if (consumed == 0) {
            throw new ScenarioException("cannot read the path '" + path + "'");
        }
        return node;
    }

    private static boolean same(JsonNode want, JsonNode got) {
        if (want == null || want.isNull()) {
            return got == null || got.isNull();
        }
        if (got == null) {
            return false;
        }
        if (want.isNumber() && got.isNumber()) {
            return want.decimalValue().compareTo(got.decimalValue()) == 0;
        }
        if (want.isTextual() && got.isNumber()) {
            try {
                return new BigDecimal(want.asText()).compareTo(got.decimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (want.isArray() && got.isArray() && want.size() == got.size()) {
            for (int i = 0; i < want.size(); i++) {
                if (!same(want.get(i), got.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (want.isValueNode() && got.isValueNode()) {
            return want.asText().equals(got.asText());
        }
        return want.equals(got);
    }

    private static String show(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static BigDecimal number(JsonNode node, String key) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw new ScenarioException("expect." + key + " must be a number, not '" + node.asText() + "'");
        }
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
