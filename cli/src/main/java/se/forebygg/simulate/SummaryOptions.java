package se.forebygg.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --top N}, {@code --lang sv|en} and {@code --report FILE.html}: how a what-if's result is shown, the same
 * for {@code forebygg simulate} and the Spark job's {@code simulate}.
 */
public final class SummaryOptions {
    /** The languages of the summary and the report. */
    public enum Lang { sv, en }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private int top = 5;

    @Option(names = "--lang", paramLabel = "sv|en", defaultValue = "en",
            description = "Language of the summary and the report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Lang lang;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write a self-contained HTML report with charts (with Spark: on the driver's disk).")
    Path report;

    @Option(names = "--top", defaultValue = "5",
            description = "How many of the biggest gains and losses to list (decisions with the same change are one). Default: ${DEFAULT-VALUE}.")
    void top(int top) {
        if (top < 0) {
            throw new ParameterException(mixee.commandLine(), "--top must be 0 or more, not " + top);
        }
        this.top = top;
    }

    /** How many of the biggest gains and losses to list; 0 or more. */
    public int top() {
        return top;
    }

    /**
     * Prints {@code result}'s summary to standard output and writes the HTML report, when one was asked for;
     * returns the report's path, or null.
     */
    public Path show(Simulation.Result result, Provenance provenance) throws IOException {
        Locale locale = Locale.forLanguageTag(lang.name());
        TextSummary.print(result, provenance, locale, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        if (report != null) {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8))) {
                HtmlReport.write(result, provenance, locale, out);
            }
        }
        return report;
    }
}
