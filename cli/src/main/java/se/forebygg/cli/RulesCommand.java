package se.forebygg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.forebygg.authoring.Diagnostic;
import se.forebygg.authoring.RuleFolder;
import se.forebygg.engine.Input;
import se.forebygg.Forebygg;
import se.forebygg.engine.Result;
import se.forebygg.testkit.CaseGenerator;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.engine.RuleRef;
import se.forebygg.scenario.Scenario;
import se.forebygg.scenario.ScenarioFiles;
import se.forebygg.scenario.ScenarioResult;
import se.forebygg.scenario.ScenarioRunner;

/** {@code forebygg rules check|test}: the rule author's tools. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Tools for rule authors: check a rules folder, run scenarios.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
final class RulesCommand {
    /** Where the shipped rules and scenarios live in a checkout, used when no folder is named. */
    static final Path SHIPPED_RULES = Path.of("rules-drl", "src", "main", "resources");
    static final Path SHIPPED_SCENARIOS = Path.of("rules-drl", "src", "main", "resources", "se", "forebygg", "rules");

    private static PrintStream stdout() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Compiles the rules under DIR and reports every problem as FILE:LINE:COLUMN: message.",
                    "Also warns about rules without @ruleId or @legalReference metadata and about numeric literals "
                            + "that belong in the parameter file (comments and strings are not looked at; 0 and 1 are allowed).",
                    "A folder of rules with a law.md beside them is checked against it: a rule id the law.md does not "
                            + "name, a paragraph of law no rule cites, an id no rule carries.",
                    "Rules that compile are then run on generated cases (" + Check.TRIAL_CASES + " grant applications, "
                            + Check.TRIAL_CASES + " PSB cases, " + Check.TRIAL_CASES / 10 + " provider approvals): a rule that "
                            + "keeps re-activating itself (reaches the bound on firings per decision) is an error at that rule."})
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
                description = "Rules folder (default: --rules, else " + "rules-drl/src/main/resources" + ").")
        Path dir;

        @Mixin
        EngineOptions options;

        @Override
        public Integer call() {
            Path folder = dir != null ? dir : options.rules != null ? options.rules : SHIPPED_RULES;
            if (!Files.isDirectory(folder)) {
                System.err.println("forebygg: no such rules folder: " + folder);
                return ExitCodes.INTERNAL_FAILURE;
            }
            options.parameters();
            RuleFolder rules = RuleFolder.of(folder);
            RuleFolder.Compilation compiled = rules.compile(RulesCommand.class.getClassLoader());
            List<Diagnostic> problems = new ArrayList<>(compiled.diagnostics());
            problems.addAll(rules.lint());
            if (compiled.succeeded()) {
                problems.addAll(trialRun(rules, compiled));
            }
            problems.sort(Diagnostic.ORDER);
            PrintStream out = stdout();
            problems.forEach(out::println);
            long errors = problems.stream().filter(Diagnostic::isError).count();
            out.println(rules.files().size() + " files checked: " + errors + (errors == 1 ? " error, " : " errors, ")
                    + (problems.size() - errors) + (problems.size() - errors == 1 ? " warning" : " warnings"));
            return errors > 0 ? ExitCodes.INTERNAL_FAILURE : ExitCodes.OK;
        }

        /** Cases of each kind the trial run decides. */
        static final int TRIAL_CASES = 200;

        /**
         * Decides generated cases (fixed seed: provider approvals, grant applications, preventive sickness
         * benefit claims) with the compiled rules; every rule that would not stop firing is an error at
         * its declaration, with how many cases it left undecided.
         */
        private List<Diagnostic> trialRun(RuleFolder rules, RuleFolder.Compilation compiled) {
            se.forebygg.parameters.Parameters table = options.parameters();
            Forebygg engine = Forebygg.builder().parameters(table).compiledRules(rules, compiled).build();
            int year = Math.max(table.coverageFrom().getYear() + 1, Math.min(table.coverageUntil().getYear() - 1, 2025));
            StringWriter cases = new StringWriter();
            List<Input> read = new ArrayList<>();
            try {
                new CaseGenerator(1, year, TRIAL_CASES / 10).write(cases, TRIAL_CASES, TRIAL_CASES);
                try (CaseReader reader = CaseReader.open(new StringReader(cases.toString()))) {
                    reader.forEachRemaining(entry -> {
                        if (entry instanceof Input.Read r) {
                            read.add(r);
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Integer> undecidedByRule = new TreeMap<>();
            Map<String, String> example = new TreeMap<>();
            for (Result result : engine.decideAll(read, new InMemoryGrantLedger())) {
                if (result instanceof Result.Refused u && u.cause() == Result.Cause.RULES) {
                    undecidedByRule.merge(u.rule(), 1, Integer::sum);
                    example.putIfAbsent(u.rule(), u.message());
                }
            }
            List<Diagnostic> found = new ArrayList<>();
            undecidedByRule.forEach((name, count) -> found.add(rules.aboutRule(name, Diagnostic.Level.ERROR,
                    "rule \"" + name + "\" leaves " + count + " of " + read.size()
                            + " generated cases undecided; e.g. " + example.get(name))));
            return found;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Runs the scenarios of the scenario files, and of every .yaml file (but parameters.yaml) under the folders, given.",
                    "Prints each failure as FILE › \"SCENARIO\" › FIELD: expected X, got Y with the command that re-runs it, "
                            + "then a summary line 'N passed, M failed'."})
    static final class Test implements Callable<Integer> {
        @Parameters(paramLabel = "SCENARIO_FILES_OR_DIRS", arity = "0..*",
                description = "Scenario files or folders (default: the shipped ones, rules-drl/src/main/resources/se/forebygg/rules).")
        List<Path> paths = new ArrayList<>();

        @Option(names = "--name", paramLabel = "NAME", description = "Run only the scenarios with this name.")
        String name;

        @Option(names = "--coverage", description = "Also list the rules that no scenario run fired.")
        boolean coverage;

        @Mixin
        EngineOptions options;

        @Override
        public Integer call() {
            List<Path> from = paths.isEmpty() ? List.of(SHIPPED_SCENARIOS) : paths;
            List<Scenario> scenarios = ScenarioFiles.load(from);
            if (name != null) {
                scenarios = scenarios.stream().filter(s -> s.name().equals(name)).toList();
                if (scenarios.isEmpty()) {
                    System.err.println("forebygg: no scenario named \"" + name + "\" in " + from);
                    return ExitCodes.INTERNAL_FAILURE;
                }
            }
            Forebygg engine = options.engine();
            ScenarioRunner runner = new ScenarioRunner(engine);
            PrintStream out = stdout();
            int passed = 0;
            int failed = 0;
            Set<String> fired = new TreeSet<>();
            for (Scenario s : scenarios) {
                ScenarioResult r = runner.run(s);
                if (r.decision() != null) {
                    fired.addAll(r.decision().rulesFired());
                }
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                    out.println(r.report(s.file().toString().replace('\\', '/'), options.asArguments()));
                }
            }
            if (coverage) {
                List<RuleRef> unfired = engine.rules().stream().filter(r -> !fired.contains(r.name())).toList();
                if (unfired.isEmpty()) {
                    out.println("Coverage: every one of the " + engine.rules().size() + " rules fired in some scenario.");
                } else {
                    out.println("Coverage: " + unfired.size() + " of " + engine.rules().size() + " rules fired in no scenario:");
                    unfired.forEach(r -> out.println("  " + r.packageName() + ": \"" + r.name() + "\""));
                }
            }
            out.println(passed + " passed, " + failed + " failed");
            return failed > 0 ? ExitCodes.INTERNAL_FAILURE : ExitCodes.OK;
        }
    }
}
