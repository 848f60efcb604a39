package se.forebygg.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.forebygg.Forebygg;
import se.forebygg.json.CaseReader;
import se.forebygg.parameters.Parameters;
import se.forebygg.testkit.CaseGenerator;

/**
 * The HTML report in a real browser: headless Chromium loads it from disk (no network), runs its
 * scripts and gives back the page as rendered; every chart must have drawn its canvas, and every
 * table be there. Runs where {@code chromium-headless-shell} or {@code chromium} is on the PATH (on
 * Debian: {@code apt-get install chromium-headless-shell}) and is skipped elsewhere, so CI without a
 * browser still passes; the figures themselves are checked by {@link SimulationReportTest}.
 */
class HtmlReportInBrowserTest {

    @Test
    void everyChartIsDrawnAndEveryTableShownInBothLanguages(@TempDir Path dir) throws Exception {
        Optional<Path> browser = browser();
        assumeTrue(browser.isPresent(), "no chromium-headless-shell or chromium on the PATH");
        StringWriter cases = new StringWriter();
        new CaseGenerator(5, 2025, 20).write(cases, 200, 400);
        LocalDate from = LocalDate.of(2025, 1, 1);
        Parameters shipped = Parameters.standard();
        Parameters changed = shipped.withValue("grantCapPerEmployee", "15000", from);
        Forebygg baseline = Forebygg.builder().parameters(shipped).build();
        Forebygg whatIf = Forebygg.builder().parameters(changed).build();
        Simulation.Result result = new Simulation(baseline, whatIf, 10_000, 5).run(CaseReader.open(new StringReader(cases.toString())));
        Provenance provenance = new Provenance("cases.jsonl", "0".repeat(64), baseline.rulesVersion(), whatIf.rulesVersion(),
                List.of(), List.of(new Provenance.ParameterChange("grantCapPerEmployee", changed.value("grantCapPerEmployee", from),
                from, shipped.value("grantCapPerEmployee", from))), Instant.now());

        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            Path html = dir.resolve("what-if-" + locale.getLanguage() + ".html");
            try (Writer out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
                HtmlReport.write(result, provenance, locale, out);
            }
            String dom = render(browser.get(), html, dir);
            for (String chart : List.of("outcomes", "mainCodes", "employers", "paid")) {
                Matcher div = Pattern.compile("<div id=\"" + chart + "\"[^>]*>(.*?)</div>\\s*(?:<div id=|</div>)", Pattern.DOTALL)
                        .matcher(dom);
                assertTrue(div.find(), chart + " is on the page");
                assertTrue(div.group(1).contains("<canvas"), chart + " was drawn (" + locale + ")");
            }
            assertTrue(dom.contains("<table class=\"provenance\""), "provenance");
            assertTrue(dom.contains("grantCapPerEmployee"), "the parameter changed");
            assertEquals(new Report(result, provenance, locale).tables.size(), Pattern.compile("<h2>").matcher(dom).results().count(),
                    "every table's heading");
        }
    }

    /** The page as the browser has it after running its scripts. */
    private static String render(Path browser, Path html, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=1200,1400", "--virtual-time-budget=5000",
                "--dump-dom", html.toUri().toString()));
        Path out = dir.resolve("dom.html");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("browser.log").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the browser finished within 2 minutes");
        assertEquals(0, process.exitValue(), () -> read(dir.resolve("browser.log")));
        return read(out);
    }

    private static Optional<Path> browser() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of("chromium-headless-shell", "chromium")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, name)))
                .filter(Files::isExecutable).findFirst();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
