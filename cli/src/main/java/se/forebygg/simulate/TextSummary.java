package se.forebygg.simulate;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The simulation's result as plain text for the terminal: the lines and tables of {@link Report}. */
public final class TextSummary {
    private TextSummary() {
    }

    public static void print(Simulation.Result r, Provenance p, Locale locale, PrintWriter out) {
        Report report = new Report(r, p, locale);
        out.println(report.title);
        int width = report.provenance.stream().mapToInt(line -> line.get(0).length()).max().orElse(0) + 2;
        for (List<String> line : report.provenance) {
            out.println(pad(line.get(0) + ":", width, false) + line.get(1));
        }
        out.println();
        report.summary.forEach(out::println);
        out.println();
        for (Report.Table t : report.tables) {
            table(t, out);
        }
        out.flush();
    }

    private static void table(Report.Table t, PrintWriter out) {
        out.println(t.title());
        if (t.note() != null) {
            out.println("  " + t.note());
        }
        if (t.rows().isEmpty() && t.empty() != null) {
            out.println("  " + t.empty());
            out.println();
            return;
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(t.header());
        lines.addAll(t.rows());
        if (t.total() != null) {
            lines.add(t.total());
        }
        int columns = t.header().size();
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        // Columns of figures are right-aligned, their heading too; the first column and text columns left.
        boolean[] right = new boolean[columns];
        for (int i = 1; i < columns; i++) {
            int column = i;
            right[i] = lines.subList(1, lines.size()).stream().allMatch(line -> figure(line.get(column)));
        }
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                text.append(pad(line.get(i), widths[i], right[i]));
                if (i < columns - 1) {
                    text.append("  ");
                }
            }
            out.println(text.toString().stripTrailing());
        }
        out.println();
    }

    /** True for a figure: digits with sign, spaces, commas and points ("+1 234,50", "3,330"). */
    private static boolean figure(String cell) {
        return cell.matches("[+-]?[0-9][0-9 ,.]*");
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - text.length()));
        return right ? fill + text : text + fill;
    }
}
