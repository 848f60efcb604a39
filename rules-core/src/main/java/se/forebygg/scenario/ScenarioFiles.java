package se.forebygg.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and reads scenario files. A scenario file is YAML:
 *
 * <pre>
 * base:                 # optional: merged under every scenario's case (a JSON merge patch)
 *   type: preventive-sickness-benefit
 *   ...
 * scenarios:
 *   - name: ceiling in 2022
 *     case: { decisionDate: 2022-05-02, insured: { annualIncome: 483000 } }
 *     expect:
 *       outcome: APPROVED
 *       amount: 1027
 *       codes: []
 *       calculation.sgi[0].sgi: 483000
 * </pre>
 *
 * A case without {@code caseId} gets one made from the scenario's name.
 */
public final class ScenarioFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    /** The name of a benefit's parameter file, which lives beside its rules and scenarios. */
    private static final String PARAMETERS_FILE = "parameters.yaml";

    private ScenarioFiles() {
    }

    /**
     * Every {@code .yaml}/{@code .yml} file among {@code paths} and under the folders among them, in path
     * order; in a folder, a benefit's {@code parameters.yaml} is not a scenario file and is passed over.
     */
    public static List<Path> find(List<Path> paths) {
        List<Path> found = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(ScenarioFiles::isYaml)
                            .filter(f -> !f.getFileName().toString().equals(PARAMETERS_FILE)).sorted().forEach(found::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(p)) {
                found.add(p);
            } else {
                throw new ScenarioException("no such scenario file or folder: " + p);
            }
        }
        return found;
    }

    /** Reads every scenario of every file that {@link #find} finds. */
    public static List<Scenario> load(List<Path> paths) {
        List<Scenario> all = new ArrayList<>();
        for (Path file : find(paths)) {
            all.addAll(read(file));
        }
        return all;
    }

    /**
     * How a file is named in reports: relative to the nearest enclosing folder called {@code rules} (the
     * shipped benefit folders: {@code preventive/sgi.scenarios.yaml}) or {@code scenarios}, else as given.
     */
    public static String displayName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && (p.getFileName().toString().equals("scenarios")
                    || p.getFileName().toString().equals("rules"))) {
                return p.relativize(abs).toString().replace('\\', '/');
            }
        }
        return file.toString().replace('\\', '/');
    }

    /** The scenarios of one file. */
    public static List<Scenario> read(Path file) {
        String where = displayName(file);
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ScenarioException(where + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject() || !root.path("scenarios").isArray()) {
            throw new ScenarioException(where + ": expected a mapping with a list 'scenarios'");
        }
        unknownKeys(root, Set.of("base", "scenarios", "description"), where);
        JsonNode base = root.path("base");
        if (!base.isMissingNode() && !base.isObject()) {
            throw new ScenarioException(where + ": 'base' must be a mapping (a case)");
        }
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode s : root.get("scenarios")) {
            String at = where + ": scenarios[" + index++ + "]";
            if (!s.isObject()) {
                throw new ScenarioException(at + ": expected a mapping with name, case and expect");
            }
            unknownKeys(s, Set.of("name", "description", "case", "expect"), at);
            String name = s.path("name").asText("");
            if (name.isBlank()) {
                throw new ScenarioException(at + ": has no name");
            }
            at = where + " › \"" + name + "\"";
            if (!names.add(name)) {
                throw new ScenarioException(at + ": the name is used twice in this file");
            }
            ObjectNode aCase = base.isObject() ? base.deepCopy() : YAML.createObjectNode();
            JsonNode patch = s.path("case");
            if (!patch.isMissingNode() && !patch.isObject()) {
                throw new ScenarioException(at + ": 'case' must be a mapping");
            }
            mergePatch(aCase, patch);
            if (!aCase.has("caseId")) {
                aCase.put("caseId", slug(name));
            }
            JsonNode expect = s.path("expect");
            if (!expect.isObject() || expect.isEmpty()) {
                throw new ScenarioException(at + ": 'expect' must name at least one of outcome, amount, codes or a path");
            }
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            expect.fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue()));
            scenarios.add(new Scenario(file, where, name, aCase, expected));
        }
        return scenarios;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new ScenarioException(where + ": unknown key '" + key + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /** JSON merge patch (RFC 7386): mappings merge, null removes, anything else replaces. */
    private static void mergePatch(ObjectNode target, JsonNode patch) {
        if (patch == null || patch.isMissingNode()) {
            return;
        }
        patch.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode inner) {
                mergePatch(inner, value);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        });
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "scenario" : s;
    }
}
