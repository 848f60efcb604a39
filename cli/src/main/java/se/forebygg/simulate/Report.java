package se.forebygg.simulate;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.ReasonCode;

/**
 * What a what-if report says, in one language, before it is laid out: the text summary and the HTML
 * report show the same lines and tables, so they cannot disagree. Rows where both scenarios have
 * nothing are left out.
 */
final class Report {
    /** A table: the first column names the row, the others are figures. {@code total} may be null. */
    record Table(String title, String note, List<String> header, List<List<String>> rows, List<String> total,
                 String empty) {
    }

    final Labels labels;
    final String title;
    /** Label and value of each line of provenance. */
    final List<List<String>> provenance = new ArrayList<>();
    /** The headline figures, one sentence each. */
    final List<String> summary = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();

    Report(Simulation.Result r, Provenance p, Locale locale) {
        this.labels = new Labels(locale);
        Labels l = labels;
        this.title = l.say("title", p.changes().stream().map(c -> c.name() + " = " + l.value(c.value())).collect(Collectors.joining(", ")));
        provenance(p);
        Tally b = r.baseline();
        Tally a = r.whatIf();
        summary.add(l.say("summary.decided", r.decided(), l.count(r.decided()), l.count(r.badInput())));
        summary.add(l.say("summary.paid", l.kr(b.all().amount()), l.kr(a.all().amount()),
                l.signedKr(a.all().amount().subtract(b.all().amount()))));
        summary.add(l.say("summary.changed", l.count(r.changed()), l.count(r.decided())));
        summary.add(l.say("summary.employerCap", l.count(b.atEmployerCap()), l.count(a.atEmployerCap())));

        changes(r);
        transitions(r);
        examples(r);
        paid(b, a);
        outcomes(b, a);
        mainCodes(b, a);
        carrying(b, a);
        tables.add(groups(l.say("winners.title"), r.gained(), r.winners(), "winners"));
        tables.add(groups(l.say("losers.title"), r.lost(), r.losers(), "losers"));
    }

    private void provenance(Provenance p) {
        Labels l = labels;
        provenance.add(List.of(l.say("provenance.input"), p.input() == null ? l.say("provenance.stdin") : p.input()));
        provenance.add(List.of("SHA-256", p.sha256()));
        provenance.add(List.of(l.say("provenance.rules"), p.rulesVersion()));
        provenance.add(List.of(l.say("provenance.rules.whatIf"), p.whatIfRulesVersion()));
        provenance.add(List.of(l.say("provenance.baseline"), p.baselineParameters().isEmpty()
                ? l.say("provenance.baseline.shipped") : String.join(", ", p.baselineParameters())));
        for (Provenance.ParameterChange c : p.changes()) {
            provenance.add(List.of(l.say("provenance.parameter"), c.baseline() == null
                    ? l.say("provenance.parameter.new", c.name(), l.value(c.value()), c.from())
                    : l.say("provenance.parameter.changed", c.name(), l.value(c.value()), c.from(), l.value(c.baseline()))));
        }
        provenance.add(List.of(l.say("provenance.run"),
                DateTimeFormatter.ISO_INSTANT.format(p.run().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))));
    }

    private void changes(Simulation.Result r) {
        Labels l = labels;
        List<List<String>> rows = new ArrayList<>();
        for (Change.Kind kind : Change.Kind.values()) {
            rows.add(List.of(l.say("changes." + kind), l.count(r.changed(kind))));
        }
        tables.add(new Table(l.say("changes.title"), l.say("changes.note"), List.of("", l.say("column.decisions")), rows,
                List.of(l.say("total"), l.count(r.changed())), null));
    }

    private void transitions(Simulation.Result r) {
        Labels l = labels;
        List<List<String>> rows = new ArrayList<>();
        r.transitions().forEach((t, n) -> rows.add(List.of(l.term(t.type()) + ": " + l.term(t.from()) + " → " + l.term(t.to()),
                l.count(n))));
        tables.add(new Table(l.say("transitions.title"), null, List.of("", l.say("column.decisions")), rows, null,
                l.say("transitions.none")));
    }

    private void examples(Simulation.Result r) {
        Labels l = labels;
        List<List<String>> rows = new ArrayList<>();
        for (Change.Kind kind : Change.Kind.values()) {
            for (Change c : r.examples(kind)) {
                rows.add(List.of(c.caseId(), l.term(c.type()),
                        l.term(c.baselineOutcome()) + " " + l.kr(c.baselineAmount()) + " kr",
                        l.term(c.whatIfOutcome()) + " " + l.kr(c.whatIfAmount()) + " kr",
                        l.signedKr(c.delta()), what(c)));
            }
        }
        tables.add(new Table(l.say("examples.title", Simulation.Result.EXAMPLES), null,
                List.of(l.say("column.case"), l.say("column.benefit"), l.say("column.baseline"), l.say("column.whatIf"),
                        l.say("column.changeKr"), l.say("column.what")), rows, null, l.say("examples.none")));
    }

    /** What changed in a decision's findings, in words. */
    String what(Change c) {
        Labels l = labels;
        List<String> parts = new ArrayList<>();
        if (!c.added().isEmpty()) {
            parts.add(l.say("what.added", c.added().size(), codes(c.added())));
        }
        if (!c.removed().isEmpty()) {
            parts.add(l.say("what.removed", c.removed().size(), codes(c.removed())));
        }
        if (!c.reworded().isEmpty()) {
            parts.add(l.say("what.reworded", c.reworded().size(), codes(c.reworded())));
        }
        return parts.isEmpty() ? l.say("what.sameFindings") : String.join("; ", parts);
    }

    private static String codes(Set<ReasonCode> codes) {
        return EnumSet.copyOf(codes).stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private void paid(Tally b, Tally a) {
        Labels l = labels;
        List<List<String>> rows = new ArrayList<>();
        for (CaseType type : CaseType.values()) {
            BigDecimal before = amount(b.byType().get(type));
            BigDecimal after = amount(a.byType().get(type));
            if (before.signum() != 0 || after.signum() != 0) {
                rows.add(List.of(l.term(type), l.kr(before), l.kr(after), l.signedKr(after.subtract(before))));
            }
        }
        tables.add(new Table(l.say("paid.title"), l.say("paid.note"), List.of("", l.say("column.baselineKr"),
                l.say("column.whatIfKr"), l.say("column.changeKr")), rows,
                List.of(l.say("total"), l.kr(b.all().amount()), l.kr(a.all().amount()),
                        l.signedKr(a.all().amount().subtract(b.all().amount()))), l.say("paid.none")));
    }

    private void outcomes(Tally b, Tally a) {
        Labels l = labels;
        List<List<String>> rows = new ArrayList<>();
        for (CaseType type : CaseType.values()) {
            for (Outcome outcome : Outcome.values()) {
                long before = b.outcomes().getOrDefault(type, Map.of()).getOrDefault(outcome, 0L);
                long after = a.outcomes().getOrDefault(type, Map.of()).getOrDefault(outcome, 0L);
                if (before != 0 || after != 0) {
                    rows.add(List.of(l.term(type) + ": " + l.term(outcome), l.count(before), l.count(after),
                            l.signedCount(after - before)));
                }
            }
        }
        tables.add(new Table(l.say("outcomes.title"), null, List.of("", l.say("column.baseline"), l.say("column.whatIf"),
                l.say("column.change")), rows, List.of(l.say("total"), l.count(b.all().decisions()),
                l.count(a.all().decisions()), l.signedCount(a.all().decisions() - b.all().decisions())), null));
    }

    private void mainCodes(Tally b, Tally a) {
        Labels l = labels;
        List<List<String>> rows = new ArrayList<>();
        if (b.withoutFindings().decisions() != 0 || a.withoutFindings().decisions() != 0) {
            rows.add(sumRow(l.say("mainCodes.none"), b.withoutFindings(), a.withoutFindings()));
        }
        for (ReasonCode code : codes(b.byMainCode(), a.byMainCode())) {
            rows.add(sumRow(l.code(code), b.byMainCode().get(code), a.byMainCode().get(code)));
        }
        tables.add(new Table(l.say("mainCodes.title"), l.say("mainCodes.note"), sumHeader(), rows,
                sumRow(l.say("mainCodes.total"), b.all(), a.all()), null));
    }

    private void carrying(Tally b, Tally a) {
        Labels l = labels;
        List<List<String>> rows = new ArrayList<>();
        for (ReasonCode code : codes(b.carrying(), a.carrying())) {
            rows.add(sumRow(l.code(code), b.carrying().get(code), a.carrying().get(code)));
        }
        tables.add(new Table(l.say("carrying.title"), l.say("carrying.note"), sumHeader(), rows, null, l.say("carrying.none")));
    }

    private List<String> sumHeader() {
        Labels l = labels;
        return List.of(l.say("column.code"), l.say("column.baseline"), l.say("column.whatIf"), l.say("column.change"),
                l.say("column.baselineKr"), l.say("column.whatIfKr"), l.say("column.changeKr"));
    }

    private List<String> sumRow(String label, Tally.Sum before, Tally.Sum after) {
        Labels l = labels;
        long nb = before == null ? 0 : before.decisions();
        long na = after == null ? 0 : after.decisions();
        BigDecimal kb = amount(before);
        BigDecimal ka = amount(after);
        return List.of(label, l.count(nb), l.count(na), l.signedCount(na - nb), l.kr(kb), l.kr(ka), l.signedKr(ka.subtract(kb)));
    }

    private static Set<ReasonCode> codes(Map<ReasonCode, Tally.Sum> before, Map<ReasonCode, Tally.Sum> after) {
        Set<ReasonCode> codes = new TreeSet<>(before.keySet());
        codes.addAll(after.keySet());
        codes.removeIf(c -> decisions(before.get(c)) == 0 && decisions(after.get(c)) == 0);
        return codes;
    }

    private static long decisions(Tally.Sum sum) {
        return sum == null ? 0 : sum.decisions();
    }

    private static BigDecimal amount(Tally.Sum sum) {
        return sum == null ? BigDecimal.ZERO : sum.amount();
    }

    private Table groups(String title, Tally.Sum all, List<TopDeltas.Group> groups, String key) {
        Labels l = labels;
        List<List<String>> rows = new ArrayList<>();
        for (TopDeltas.Group g : groups) {
            String types = g.types().entrySet().stream()
                    .map(e -> g.types().size() == 1 ? l.term(e.getKey()) : l.count(e.getValue()) + " " + l.term(e.getKey()))
                    .collect(Collectors.joining(", "));
            String cases = String.join(", ", g.examples())
                    + (g.decisions() > g.examples().size() ? " " + l.say("groups.more", l.count(g.decisions() - g.examples().size())) : "");
            rows.add(List.of(l.say("groups.delta", g.decisions(), l.signedKr(g.delta())), l.count(g.decisions()), types, cases));
        }
        return new Table(title, all.decisions() == 0 ? null
                : l.say(key + ".note", all.decisions(), l.count(all.decisions()), l.signedKr(all.amount()), groups.size()),
                List.of(l.say("column.changeEach"), l.say("column.decisions"), l.say("column.benefit"), l.say("column.cases")),
                rows, null, all.decisions() == 0 ? l.say(key + ".none") : null);
    }
}
