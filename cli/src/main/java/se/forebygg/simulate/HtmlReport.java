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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;
import se.forebygg.json.ForebyggJson;

/**
 * The simulation's result as one self-contained HTML file: ECharts (from its WebJar) and the data are
 * inlined, so the file opens anywhere without a network.
 */
public final class HtmlReport {
    private static final String WEBJAR = "/META-INF/resources/webjars/echarts/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private HtmlReport() {
    }

    public static void write(Simulation.Result r, String whatIf, Writer out) throws IOException {
        ObjectMapper mapper = ForebyggJson.newMapper();
        ObjectNode data = mapper.createObjectNode();
        data.set("outcomes", series(mapper, shortTypes(r.baseline().outcomes()), shortTypes(r.whatIf().outcomes()),
                Long::doubleValue));
        data.set("paid", series(mapper, r.baseline().paidByType(), r.whatIf().paidByType(), BigDecimal::doubleValue));
        data.set("amountByCode", series(mapper, r.baseline().amountByCode(), r.whatIf().amountByCode(),
                BigDecimal::doubleValue));
        ObjectNode employers = data.putObject("employers");
        ArrayNode labels = employers.putArray("labels");
        for (int i = 0; i < Tally.EMPLOYER_BINS; i++) {
            int from = i * Tally.EMPLOYER_BIN / 1000;
            labels.add(i == Tally.EMPLOYER_BINS - 1 ? "≥ " + from + "k" : from + "–" + (from + Tally.EMPLOYER_BIN / 1000) + "k");
        }
        ArrayNode before = employers.putArray("baseline");
        ArrayNode after = employers.putArray("whatIf");
        for (int i = 0; i < Tally.EMPLOYER_BINS; i++) {
            before.add(r.baseline().employersByGranted()[i]);
            after.add(r.whatIf().employersByGranted()[i]);
        }
        String json = mapper.writeValueAsString(data).replace("</", "<\\/").replace("<!--", "<\\!--");

        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<title>Förebygg what-if: " + escape(whatIf) + "</title>\n");
        out.write("<style>\n"
                + "body{font-family:system-ui,sans-serif;margin:16px 24px;color:#222}\n"
                + "h1{font-size:20px;margin:0 0 4px}p{margin:2px 0 8px}\n"
                + ".grid{display:grid;grid-template-columns:1fr 1fr;gap:8px}\n"
                + ".chart{height:340px;border:1px solid #ddd;border-radius:4px}\n"
                + "table{border-collapse:collapse;margin:12px 0;font-size:13px}\n"
                + "td,th{border-bottom:1px solid #eee;padding:3px 10px;text-align:right}\n"
                + "td:first-child,th:first-child{text-align:left}\n"
                + "</style>\n<script>\n");
        out.write(echarts());
        out.write("\n</script>\n</head>\n<body>\n");
        out.write("<h1>What-if: " + escape(whatIf) + "</h1>\n");
        BigDecimal paidBefore = sum(r.baseline().paidByType());
        BigDecimal paidAfter = sum(r.whatIf().paidByType());
        out.write("<p>" + r.decided() + " cases decided (" + r.badInput() + " bad input not counted); <b>"
                + r.changed() + " decisions changed</b>; paid in total " + kr(paidBefore) + " → " + kr(paidAfter)
                + " kr (" + (paidAfter.compareTo(paidBefore) >= 0 ? "+" : "") + kr(paidAfter.subtract(paidBefore))
                + " kr); decisions at an employer cap " + sumLong(r.baseline().employerCapCodes()) + " → "
                + sumLong(r.whatIf().employerCapCodes()) + ".</p>\n");
        out.write("<div class=\"grid\">\n<div id=\"outcomes\" class=\"chart\"></div>\n"
                + "<div id=\"amountByCode\" class=\"chart\"></div>\n<div id=\"employers\" class=\"chart\"></div>\n"
                + "<div id=\"paid\" class=\"chart\"></div>\n</div>\n");
        changes(out, "Biggest winners", r.winners());
        changes(out, "Biggest losers", r.losers());
        out.write("<script>\nconst DATA = " + json + ";\n" + CHARTS + "</script>\n</body>\n</html>\n");
        out.flush();
    }

    private static final String CHARTS = """
            function bars(id, title, d, horizontal, unit) {
              const chart = echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
              const category = {type: 'category', data: d.labels, axisLabel: {fontSize: 10, interval: 0}};
              const compact = v => Math.abs(v) >= 1e6 ? (v / 1e6) + 'M' : Math.abs(v) >= 1e3 ? (v / 1e3) + 'k' : v;
              const value = {type: 'value', axisLabel: {fontSize: 10, formatter: compact}};
              const empty = d.baseline.concat(d.whatIf).every(v => v === 0);
              chart.setOption({
                animation: false,
                title: {text: title + ' (' + unit + ')', textStyle: {fontSize: 14},
                        subtext: empty ? 'nothing to show: no such decisions in this input' : ''},
                tooltip: {trigger: 'axis'},
                legend: {data: ['baseline', 'what-if'], bottom: 0},
                grid: {left: horizontal ? 190 : 60, right: 30, top: 55, bottom: horizontal ? 50 : 75},
                xAxis: horizontal ? value : Object.assign(category, {axisLabel: {fontSize: 10, interval: 0, rotate: 30}}),
                yAxis: horizontal ? Object.assign(category, {inverse: true}) : value,
                series: [
                  {name: 'baseline', type: 'bar', data: d.baseline, itemStyle: {color: '#8c9bab'}},
                  {name: 'what-if', type: 'bar', data: d.whatIf, itemStyle: {color: '#d9822b'}}
                ]
              });
            }
            bars('outcomes', 'Outcomes', DATA.outcomes, true, 'decisions');
            bars('amountByCode', 'Paid on decisions with each reason code', DATA.amountByCode, true, 'kr');
            bars('employers', 'Employers by their total grant in the year', DATA.employers, false, 'number of employers');
            bars('paid', 'Paid per benefit type', DATA.paid, true, 'kr');
            """;

    private static <V> ObjectNode series(ObjectMapper mapper, Map<String, V> before, Map<String, V> after,
                                         Function<V, Double> number) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        ObjectNode node = mapper.createObjectNode();
        ArrayNode labels = node.putArray("labels");
        ArrayNode b = node.putArray("baseline");
        ArrayNode a = node.putArray("whatIf");
        for (String key : keys) {
            labels.add(key);
            b.add(before.containsKey(key) ? number.apply(before.get(key)) : 0);
            a.add(after.containsKey(key) ? number.apply(after.get(key)) : 0);
        }
        return node;
    }

    private static void changes(Writer out, String title, List<Change> changes) throws IOException {
        out.write("<table>\n<caption style=\"text-align:left;font-weight:bold\">" + title + "</caption>\n"
                + "<tr><th>caseId</th><th>type</th><th>baseline</th><th>what-if</th><th>change (kr)</th></tr>\n");
        if (changes.isEmpty()) {
            out.write("<tr><td colspan=\"5\">none</td></tr>\n");
        }
        for (Change c : changes) {
            out.write("<tr><td>" + escape(c.caseId()) + "</td><td>" + escape(c.type()) + "</td><td>"
                    + c.baselineOutcome() + " " + kr(c.baselineAmount()) + "</td><td>" + c.whatIfOutcome() + " "
                    + kr(c.whatIfAmount()) + "</td><td>" + kr(c.delta()) + "</td></tr>\n");
        }
        out.write("</table>\n");
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

    /** "preventive-sickness-benefit APPROVED" → "PSB APPROVED": the rulebook's prefixes keep the labels short. */
    private static Map<String, Long> shortTypes(Map<String, Long> outcomes) {
        Map<String, Long> result = new java.util.TreeMap<>();
        outcomes.forEach((key, n) -> result.put(key
                .replace("preventive-sickness-benefit", "PSB")
                .replace("workplace-rehabilitation-grant", "ARS")
                .replace("provider-approval", "PRV"), n));
        return result;
    }

    private static BigDecimal sum(Map<String, BigDecimal> amounts) {
        return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long sumLong(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String kr(BigDecimal amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", amount).replace(',', ' ');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
