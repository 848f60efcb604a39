package se.forebygg.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import se.forebygg.json.Schemas;

/**
 * The case of every shipped scenario, after its file's {@code base} is laid under it, is a case the
 * published JSON Schema ({@code /se/forebygg/schema/case.schema.json}) accepts: a scenario proves a
 * rule with input a host could send.
 */
class ScenarioCasesMatchSchemaTest {

    /**
     * Scenarios that purposely hold invalid input, as {@code file › "name"} ({@link Scenario#title()}).
     * None today; each one added here must exist.
     */
    static final Set<String> PURPOSELY_INVALID = Set.of();

    private static List<Scenario> shipped() {
        return ScenarioFiles.load(List.of(ShippedScenariosTest.SCENARIOS));
    }

    @TestFactory
    Stream<DynamicNode> everyScenarioCaseIsValid() {
        return shipped().stream().filter(s -> !PURPOSELY_INVALID.contains(s.title()))
                .map(s -> DynamicTest.dynamicTest(s.title(), s.file().toUri(), () -> {
                    String problems = Schemas.problems(Schemas.CASE, s.caseJson());
                    if (!problems.isEmpty()) {
                        fail(s.title() + ": the case does not match case.schema.json: " + problems);
                    }
                }));
    }

    @Test
    void theExclusionsNameScenariosThatExist() {
        Set<String> titles = new TreeSet<>();
        shipped().forEach(s -> titles.add(s.title()));
        Set<String> unknown = new TreeSet<>(PURPOSELY_INVALID);
        unknown.removeAll(titles);
        assertEquals(Set.of(), unknown, "excluded scenarios that no shipped file holds");
    }

    @Test
    void theSchemaRejectsABadScenarioCase() {
        Scenario good = shipped().get(0);
        var bad = good.caseJson().deepCopy();
        bad.put("type", "no-such-type");
        if (Schemas.problems(Schemas.CASE, bad).isEmpty()) {
            fail("the schema accepted a case of an unknown type; the check above would prove nothing");
        }
    }
}
