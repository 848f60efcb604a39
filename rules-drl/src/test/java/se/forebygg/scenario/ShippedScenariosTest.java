package se.forebygg.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import se.forebygg.Forebygg;
import se.forebygg.engine.RuleRef;

/**
 * Every shipped scenario (every {@code *.scenarios.yaml} beside the rules in {@code src/main/resources/se/forebygg/rules}) as one test, grouped by
 * file; and the bar that every shipped rule is exercised by some scenario.
 */
public class ShippedScenariosTest {
    public static final Path SCENARIOS = Path.of("src/main/resources/se/forebygg/rules");
    private static final Forebygg ENGINE = Forebygg.create();

    @TestFactory
    Stream<DynamicNode> scenarios() {
        ScenarioRunner runner = new ScenarioRunner(ENGINE);
        return ScenarioFiles.find(List.of(SCENARIOS)).stream().map(file -> DynamicContainer.dynamicContainer(
                ScenarioFiles.displayName(file), file.toUri(),
                ScenarioFiles.read(file).stream().map(s -> DynamicTest.dynamicTest(s.name(), file.toUri(), () -> {
                    ScenarioResult result = runner.run(s);
                    if (!result.passed()) {
                        fail(result.report(fromRepositoryRoot(file)));
                    }
                }))));
    }

    /**
     * Only the rule packages that have a scenario folder are held to this bar (today
     * {@code preventive}, {@code provider} and {@code grant}); a new benefit joins it with its first scenario folder.
     */
    @Test
    void everyRuleOfABenefitWithScenariosFiresInSomeScenario() throws IOException {
        Set<String> benefits;
        try (Stream<Path> dirs = Files.list(SCENARIOS)) {
            benefits = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        ScenarioRunner runner = new ScenarioRunner(ENGINE);
        Set<String> fired = new TreeSet<>();
        for (ScenarioResult r : runner.runAll(ScenarioFiles.load(List.of(SCENARIOS)))) {
            if (r.decision() != null) {
                fired.addAll(r.decision().rulesFired());
            }
        }
        List<RuleRef> covered = ENGINE.rules().stream().filter(r -> benefits.contains(r.benefit())).toList();
        assertTrue(!covered.isEmpty(), "no shipped rule belongs to a scenario folder " + benefits);
        List<String> neverFired = covered.stream().filter(r -> !fired.contains(r.name()))
                .map(r -> r.packageName() + ": \"" + r.name() + "\"").toList();
        if (!neverFired.isEmpty()) {
            fail("No shipped scenario fires these rules (checked: rule packages with a scenario folder under "
                    + SCENARIOS + ", i.e. " + benefits + "):\n  " + String.join("\n  ", neverFired)
                    + "\nAdd a scenario that makes each fire; see docs/rule-authoring.md.");
        }
    }

    /** The scenario file as named from the repository root, where {@code ./forebygg} is run. */
    static String fromRepositoryRoot(Path file) {
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent() == null ? module : module.getParent();
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
