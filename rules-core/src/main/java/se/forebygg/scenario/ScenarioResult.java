package se.forebygg.scenario;

import java.util.ArrayList;
import java.util.List;
import se.forebygg.engine.Decision;

/**
 * What running one scenario gave: the decision (null when the case was bad input) and every
 * expectation it did not meet.
 */
public record ScenarioResult(Scenario scenario, Decision decision, List<Mismatch> mismatches) {
    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** One line per mismatch: {@code preventive/sgi.yaml › "ceiling in 2022" › amount: expected 1027.00, got 1026.00}. */
    public List<String> failureLines() {
        List<String> lines = new ArrayList<>();
        for (Mismatch m : mismatches) {
            lines.add(scenario.title() + " › " + m);
        }
        return lines;
    }

    /**
     * The command that runs just this scenario again, with the scenario file named as
     * {@code fileArgument} (a path relative to where the command is run).
     */
    public String rerunCommand(String fileArgument) {
        return rerunCommand(fileArgument, List.of());
    }

    /** As {@link #rerunCommand(String)}, with further options such as {@code --rules DIR}. */
    public String rerunCommand(String fileArgument, List<String> options) {
        StringBuilder cmd = new StringBuilder("./forebygg rules test");
        for (String o : options) {
            cmd.append(' ').append(shellQuote(o));
        }
        return cmd + " " + shellQuote(fileArgument) + " --name " + shellQuote(scenario.name());
    }

    /** Failure lines, then the re-run command. */
    public String report(String fileArgument) {
        return report(fileArgument, List.of());
    }

    /** Failure lines, then the re-run command with further options. */
    public String report(String fileArgument, List<String> options) {
        return String.join("\n", failureLines()) + "\n  re-run: " + rerunCommand(fileArgument, options);
    }

    static String shellQuote(String s) {
        if (s.matches("[\\w./-]+")) {
            return s;
        }
        return "\"" + s.replaceAll("([\"\\\\$`])", "\\\\$1") + "\"";
    }
}
