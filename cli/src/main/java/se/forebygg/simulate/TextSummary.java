package se.forebygg.simulate;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The simulation's result as a plain-text table for the terminal. */
public final class TextSummary {
    private TextSummary() {
    }

    public static void print(Simulation.Result r, String whatIf, PrintWriter out) {
        out.printf("What-if: %s%n", whatIf);
        out.printf("Cases decided: %d; bad input (not counted): %d%n", r.decided(), r.badInput());
        out.printf("Decisions changed: %d of %d%n", r.changed(), r.decided());
        for (Change c : r.examples()) {
            out.printf("  %-14s %-32s %s %s -> %s %s%n", c.caseId(), c.type(), c.baselineOutcome(),
                    c.baselineAmount().toPlainString(), c.whatIfOutcome(), c.whatIfAmount().toPlainString());
        }
        out.println();
        header(out, "Paid per benefit type (kr)");
        amounts(out, r.baseline().paidByType(), r.whatIf().paidByType());
        header(out, "Outcomes");
        counts(out, r.baseline().outcomes(), r.whatIf().outcomes());
        header(out, "Employer caps hit (decisions with ARS_EMPLOYER_CAP_*)");
        counts(out, r.baseline().employerCapCodes(), r.whatIf().employerCapCodes());
        header(out, "Decisions per reason code");
        counts(out, r.baseline().codeCounts(), r.whatIf().codeCounts());
        changes(out, "Biggest winners", r.winners());
        changes(out, "Biggest losers", r.losers());
        out.flush();
    }

    private static void header(PrintWriter out, String title) {
        out.printf("%-52s %16s %16s %16s%n", title, "baseline", "what-if", "change");
    }

    private static void counts(PrintWriter out, Map<String, Long> before, Map<String, Long> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        if (keys.isEmpty()) {
            out.println("  (none)");
        }
        for (String key : keys) {
            long b = before.getOrDefault(key, 0L);
            long a = after.getOrDefault(key, 0L);
            out.printf("  %-50s %16d %16d %+16d%n", key, b, a, a - b);
        }
        out.println();
    }

    private static void amounts(PrintWriter out, Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        BigDecimal totalBefore = BigDecimal.ZERO;
        BigDecimal totalAfter = BigDecimal.ZERO;
        for (String key : keys) {
            BigDecimal b = before.getOrDefault(key, BigDecimal.ZERO);
            BigDecimal a = after.getOrDefault(key, BigDecimal.ZERO);
            totalBefore = totalBefore.add(b);
            totalAfter = totalAfter.add(a);
            out.printf("  %-50s %16s %16s %16s%n", key, b.toPlainString(), a.toPlainString(), signed(a.subtract(b)));
        }
        out.printf("  %-50s %16s %16s %16s%n%n", "total", totalBefore.toPlainString(), totalAfter.toPlainString(),
                signed(totalAfter.subtract(totalBefore)));
    }

    private static void changes(PrintWriter out, String title, List<Change> changes) {
        out.println(title + " (caseId, amount change)");
        if (changes.isEmpty()) {
            out.println("  (none)");
        }
        for (Change c : changes) {
            out.printf("  %-14s %16s  %s %s -> %s %s%n", c.caseId(), signed(c.delta()), c.baselineOutcome(),
                    c.baselineAmount().toPlainString(), c.whatIfOutcome(), c.whatIfAmount().toPlainString());
        }
        out.println();
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }
}
