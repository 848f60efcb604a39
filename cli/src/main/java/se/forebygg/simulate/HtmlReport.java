package se.forebygg.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.ReasonCode;
import se.forebygg.json.ForebyggJson;

/**
 * The simulation's result as one self-contained HTML file: ECharts (from its WebJar) and the data are
 * inlined, so the file opens anywhere without a network. It shows what the text summary shows (the
 * lines and tables of {@link Report}), with four charts: outcomes, paid by main reason code, grants
 * per employer and paid per benefit, baseline against what-if.
 */
public final class HtmlReport {
    private static final String WEBJAR = "/META-INF/resources/webjars/echarts/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private HtmlReport() {
    }

    /** Writes the report of {@code r} in {@code locale}'s language (Swedish or English). */
    public static void write(Simulation.Result r, Provenance p, Locale locale, Writer out) throws IOException {
        Report report = new Report(r, p, locale);
        Labels l = report.labels;
        ObjectMapper mapper = ForebyggJson.newMapper();
        ObjectNode data = mapper.createObjectNode();
        data.set("outcomes", outcomes(mapper, r, l));
        data.set("mainCodes", mainCodes(mapper, r, l));
        data.set("employers", employers(mapper, r));
        data.set("paid", paid(mapper, r, l));
        ObjectNode text = data.putObject("text");
        for (String key : List.of("outcomes", "mainCodes", "employers", "paid", "baseline", "whatIf", "empty")) {
            text.put(key, l.say("chart." + key));
        }
        String json = mapper.writeValueAsString(data).replace("</", "<\\/").replace("<!--", "<\\!--");

        out.write("<!DOCTYPE html>\n<html lang=\"" + l.locale().getLanguage() + "\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<title>" + escape(report.title) + "</title>\n");
        out.write("<style>\n"
                + "body{font-family:system-ui,sans-serif;margin:16px 24px;color:#222;max-width:1400px}\n"
                + "h1{font-size:20px;margin:0 0 8px}h2{font-size:15px;margin:18px 0 4px}p{margin:2px 0 6px}\n"
                + ".note{color:#555;font-size:12px;max-width:900px}\n"
                + ".grid{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:10px 0}\n"
                + ".chart{height:340px;border:1px solid #ddd;border-radius:4px}\n"
                + "table{border-collapse:collapse;margin:4px 0 8px;font-size:13px}\n"
                + "td,th{border-bottom:1px solid #eee;padding:3px 10px;text-align:left;vertical-align:top}\n"
                + "td:first-child{white-space:nowrap}\n"
                + "td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
                + "tr.total td{font-weight:bold;border-top:1px solid #999}\n"
                + "table.provenance td:first-child{color:#555;white-space:nowrap}\n"
                + "table.provenance td{font-family:ui-monospace,monospace;font-size:12px}\n"
                + "</style>\n<script>\n");
        out.write(echarts());
        out.write("\n</script>\n</head>\n<body>\n");
        out.write("<h1>" + escape(report.title) + "</h1>\n");
        out.write("<table class=\"provenance\" id=\"provenance\">\n");
        for (List<String> line : report.provenance) {
            out.write("<tr><td>" + escape(line.get(0)) + "</td><td>" + escape(line.get(1)) + "</td></tr>\n");
        }
        out.write("</table>\n");
        for (String line : report.summary) {
            out.write("<p>" + escape(line) + "</p>\n");
        }
        out.write("<div class=\"grid\">\n<div id=\"outcomes\" class=\"chart\"></div>\n"
                + "<div id=\"mainCodes\" class=\"chart\"></div>\n<div id=\"employers\" class=\"chart\"></div>\n"
                + "<div id=\"paid\" class=\"chart\"></div>\n</div>\n");
        for (Report.Table t : report.tables) {
            table(t, out);
        }
        out.write("<script>\nconst DATA = " + json + ";\n" + CHARTS + "</script>\n</body>\n</html>\n");
        out.flush();
    }

    private static final String CHARTS = """
            function bars(id, d, horizontal) {
              const chart = echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
              const category = {type: 'category', data: d.labels, axisLabel: {fontSize: 10, interval: 0}};
              const compact = v => Math.abs(v) >= 1e6 ? (v / 1e6) + 'M' : Math.abs(v) >= 1e3 ? (v / 1e3) + 'k' : v;
              const value = {type: 'value', axisLabel: {fontSize: 10, formatter: compact}};
              chart.setOption({
                animation: false,
                title: {text: DATA.text[id], textStyle: {fontSize: 14}, subtext: d.labels.length ? '' : DATA.text.empty},
                tooltip: {trigger: 'axis'},
                legend: {data: [DATA.text.baseline, DATA.text.whatIf], bottom: 0},
                grid: {left: horizontal ? 210 : 60, right: 30, top: 55, bottom: horizontal ? 50 : 75},
                xAxis: horizontal ? value : Object.assign(category, {axisLabel: {fontSize: 10, interval: 0, rotate: 30}}),
                yAxis: horizontal ? Object.assign(category, {inverse: true}) : value,
                series: [
                  {name: DATA.text.baseline, type: 'bar', data: d.baseline, itemStyle: {color: '#8c9bab'}},
                  {name: DATA.text.whatIf, type: 'bar', data: d.whatIf, itemStyle: {color: '#d9822b'}}
                ]
              });
            }
            bars('outcomes', DATA.outcomes, true);
            bars('mainCodes', DATA.mainCodes, true);
            bars('employers', DATA.employers, false);
            bars('paid', DATA.paid, true);
            """;

    /** Decisions per benefit and outcome; the benefit by its rulebook prefix, to keep the labels short. */
    private static ObjectNode outcomes(ObjectMapper mapper, Simulation.Result r, Labels l) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (CaseType type : CaseType.values()) {
            for (Outcome outcome : Outcome.values()) {
                long before = r.baseline().outcomes().getOrDefault(type, Map.of()).getOrDefault(outcome, 0L);
                long after = r.whatIf().outcomes().getOrDefault(type, Map.of()).getOrDefault(outcome, 0L);
                if (before != 0 || after != 0) {
                    rows.put(PREFIX.get(type) + " " + l.term(outcome), new double[] {before, after});
                }
            }
        }
        return series(mapper, rows);
    }

    /** Paid by main reason code: each decision once, so the bars add up to all paid; codes that paid nothing left out. */
    private static ObjectNode mainCodes(ObjectMapper mapper, Simulation.Result r, Labels l) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        put(rows, "(" + l.say("chart.noFinding") + ")", r.baseline().withoutFindings().amount(), r.whatIf().withoutFindings().amount());
        for (ReasonCode code : ReasonCode.values()) {
            Tally.Sum before = r.baseline().byMainCode().get(code);
            Tally.Sum after = r.whatIf().byMainCode().get(code);
            put(rows, code.name(), before == null ? BigDecimal.ZERO : before.amount(), after == null ? BigDecimal.ZERO : after.amount());
        }
        return series(mapper, rows);
    }

    private static ObjectNode paid(ObjectMapper mapper, Simulation.Result r, Labels l) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (CaseType type : CaseType.values()) {
            Tally.Sum before = r.baseline().byType().get(type);
            Tally.Sum after = r.whatIf().byType().get(type);
            put(rows, l.term(type), before == null ? BigDecimal.ZERO : before.amount(), after == null ? BigDecimal.ZERO : after.amount());
        }
        return series(mapper, rows);
    }

    private static void put(Map<String, double[]> rows, String label, BigDecimal before, BigDecimal after) {
        if (before.signum() != 0 || after.signum() != 0) {
            rows.put(label, new double[] {before.doubleValue(), after.doubleValue()});
        }
    }

    /** The grants-per-employer histogram, up to its last bin that holds an employer. */
    private static ObjectNode employers(ObjectMapper mapper, Simulation.Result r) {
        long[] before = r.baseline().employersByGranted();
        long[] after = r.whatIf().employersByGranted();
        int bins = Tally.EMPLOYER_BINS;
        while (bins > 0 && before[bins - 1] == 0 && after[bins - 1] == 0) {
            bins--;
        }
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (int i = 0; i < bins; i++) {
            int from = i * Tally.EMPLOYER_BIN / 1000;
            rows.put(i == Tally.EMPLOYER_BINS - 1 ? "≥ " + from + "k" : from + "–" + (from + Tally.EMPLOYER_BIN / 1000) + "k",
                    new double[] {before[i], after[i]});
        }
        return series(mapper, rows);
    }

    private static ObjectNode series(ObjectMapper mapper, Map<String, double[]> rows) {
        ObjectNode node = mapper.createObjectNode();
        ArrayNode labels = node.putArray("labels");
        ArrayNode b = node.putArray("baseline");
        ArrayNode a = node.putArray("whatIf");
        rows.forEach((label, values) -> {
            labels.add(label);
            b.add(values[0]);
            a.add(values[1]);
        });
        return node;
    }

    private static void table(Report.Table t, Writer out) throws IOException {
        out.write("<h2>" + escape(t.title()) + "</h2>\n");
        if (t.note() != null) {
            out.write("<p class=\"note\">" + escape(t.note()) + "</p>\n");
        }
        if (t.rows().isEmpty() && t.empty() != null) {
            out.write("<p>" + escape(t.empty()) + "</p>\n");
            return;
        }
        out.write("<table>\n<tr>");
        for (int i = 0; i < t.header().size(); i++) {
            out.write("<th" + (numeric(t, i) ? " class=\"n\"" : "") + ">" + escape(t.header().get(i)) + "</th>");
        }
        out.write("</tr>\n");
        for (List<String> row : t.rows()) {
            row(t, row, "", out);
        }
        if (t.total() != null) {
            row(t, t.total(), " class=\"total\"", out);
        }
        out.write("</table>\n");
    }

    private static void row(Report.Table t, List<String> row, String attributes, Writer out) throws IOException {
        out.write("<tr" + attributes + ">");
        for (int i = 0; i < row.size(); i++) {
            out.write("<td" + (numeric(t, i) ? " class=\"n\"" : "") + ">" + escape(row.get(i)) + "</td>");
        }
        out.write("</tr>\n");
    }

    /** True when column {@code i} holds figures only (right-aligned). */
    private static boolean numeric(Report.Table t, int i) {
        List<List<String>> rows = new java.util.ArrayList<>(t.rows());
        if (t.total() != null) {
            rows.add(t.total());
        }
        return i > 0 && !rows.isEmpty() && rows.stream().allMatch(row -> row.get(i).matches("[+-]?[0-9][0-9 ,.]*"));
    }

    private static String echarts() {
        Properties pom = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("the ECharts WebJar is not on the classpath");
            }
            pom.load(in);
            String script = WEBJAR + pom.getProperty("version") + "/dist/echarts.min.js";
            try (InputStream js = HtmlReport.class.getResourceAsStream(script)) {
                if (js == null) {
                    throw new IllegalStateException("missing " + script);
                }
                return new String(js.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<CaseType, String> PREFIX = Map.of(CaseType.PREVENTIVE_SICKNESS_BENEFIT, "PSB",
            CaseType.WORKPLACE_REHABILITATION_GRANT, "ARS", CaseType.PROVIDER_APPROVAL, "PRV");

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
