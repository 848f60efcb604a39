package se.forebygg.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A decision decided again compared with the logged one, field by field. What decides (outcome,
 * amount, the findings' codes, severities, rules and legal references, the calculation) is a
 * difference; what only describes (the findings' wording, {@code rulesFired}, {@code rulesVersion})
 * is a note: wording changes with every rules release and a rule that fires and is withdrawn is no
 * decision, so neither makes a decision differ.
 *
 * @param outcome     "APPROVED → REJECTED", or null when equal
 * @param amountNow   the amount now, when it differs (else null); {@code amountLogged} as logged
 * @param added       finding codes now and not logged (a code twice counts twice)
 * @param removed     finding codes logged and not now
 * @param findings    other differences of the findings with equal codes ("ARS-6 rule ARS-6 → ARS-6b")
 * @param calculation the calculation's paths that differ, "path now → logged" (at most {@link #SHOWN})
 * @param wording     whether some finding's message or messageSv differs
 * @param rulesFired  whether rulesFired differs
 * @param rulesVersion "now X, logged Y", or null when equal
 */
record DecisionDiff(String outcome, BigDecimal amountNow, BigDecimal amountLogged, List<String> added,
                    List<String> removed, List<String> findings, List<String> calculation, int calculationPaths,
                    boolean wording, boolean rulesFired, String rulesVersion) {

    /** How many differing calculation paths a line shows. */
    static final int SHOWN = 3;

    static DecisionDiff of(JsonNode now, JsonNode logged) {
        String outcome = text(now, "outcome").equals(text(logged, "outcome")) ? null
                : text(logged, "outcome") + " → " + text(now, "outcome");
        BigDecimal amountNow = decimal(now.get("amount"));
        BigDecimal amountLogged = decimal(logged.get("amount"));
        boolean sameAmount = amountNow != null && amountLogged != null ? amountNow.compareTo(amountLogged) == 0
                : amountNow == amountLogged;
        List<String> codesNow = codes(now);
        List<String> codesLogged = codes(logged);
        List<String> added = minus(codesNow, codesLogged);
        List<String> removed = minus(codesLogged, codesNow);
        List<String> findings = new ArrayList<>();
        boolean wording = false;
        JsonNode fNow = now.path("findings");
        JsonNode fLogged = logged.path("findings");
        if (added.isEmpty() && removed.isEmpty() && fNow.size() == fLogged.size()) {
            for (int i = 0; i < fNow.size(); i++) {
                for (String field : List.of("severity", "rule", "legalReference")) {
                    if (!text(fNow.get(i), field).equals(text(fLogged.get(i), field))) {
                        findings.add(text(fNow.get(i), "code") + " " + field + " " + text(fLogged.get(i), field)
                                + " → " + text(fNow.get(i), field));
                    }
                }
                wording |= !text(fNow.get(i), "message").equals(text(fLogged.get(i), "message"))
                        || !text(fNow.get(i), "messageSv").equals(text(fLogged.get(i), "messageSv"));
            }
        }
        List<String> paths = new ArrayList<>();
        differences("calculation", now.path("calculation"), logged.path("calculation"), paths);
        String rulesVersion = text(now, "rulesVersion").equals(text(logged, "rulesVersion")) ? null
                : "now " + text(now, "rulesVersion") + ", logged " + text(logged, "rulesVersion");
        return new DecisionDiff(outcome, sameAmount ? null : amountNow, sameAmount ? null : amountLogged, added, removed,
                findings, paths.subList(0, Math.min(SHOWN, paths.size())), paths.size(), wording,
                !now.path("rulesFired").equals(logged.path("rulesFired")), rulesVersion);
    }

    /** True when the decision differs in what decides it. */
    boolean decides() {
        return outcome != null || amountNow != null || !added.isEmpty() || !removed.isEmpty() || !findings.isEmpty()
                || calculationPaths > 0;
    }

    /** The differences that decide, for a report line: "outcome APPROVED → REJECTED; amount 7000.00 → 0.00; …". */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (outcome != null) {
            parts.add("outcome " + outcome);
        }
        if (amountNow != null) {
            parts.add("amount " + plain(amountLogged) + " → " + plain(amountNow));
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            List<String> codes = new ArrayList<>();
            added.forEach(c -> codes.add("+" + c));
            removed.forEach(c -> codes.add("-" + c));
            parts.add("codes " + String.join(" ", codes));
        }
        findings.forEach(f -> parts.add("finding " + f));
        if (calculationPaths > 0) {
            parts.add(String.join(", ", calculation)
                    + (calculationPaths > calculation.size() ? " (and " + (calculationPaths - calculation.size())
                    + " more calculation values)" : ""));
        }
        return String.join("; ", parts);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || !node.isNumber() ? null : node.decimalValue();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
    }

    private static List<String> codes(JsonNode decision) {
        List<String> codes = new ArrayList<>();
        decision.path("findings").forEach(f -> codes.add(f.path("code").asText()));
        return codes;
    }

    /** {@code a} without one occurrence of each element of {@code b}. */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        b.forEach(rest::remove);
        return rest;
    }

    /** Adds "path logged → now" for every value of {@code now} and {@code logged} that differs; numbers by value. */
    private static void differences(String path, JsonNode now, JsonNode logged, List<String> out) {
        if (now.isNumber() && logged.isNumber()) {
            if (now.decimalValue().compareTo(logged.decimalValue()) != 0) {
                out.add(path + " " + logged.asText() + " → " + now.asText());
            }
        } else if (now.isObject() && logged.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            logged.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(path + "." + name, now.path(name), logged.path(name), out);
            }
        } else if (now.isArray() && logged.isArray()) {
            for (int i = 0; i < Math.max(now.size(), logged.size()); i++) {
                differences(path + "[" + i + "]", now.path(i), logged.path(i), out);
            }
        } else if (!now.equals(logged)) {
            out.add(path + " " + shown(logged) + " → " + shown(now));
        }
    }

    private static String shown(JsonNode value) {
        return value.isMissingNode() ? "(none)" : value.isValueNode() ? value.asText() : value.toString();
    }

    /** What a replay's differences add up to: the summary of what changed and why. */
    static final class Changes {
        private final Map<String, Integer> outcomes = new TreeMap<>();
        private final Map<String, Integer> codesAdded = new TreeMap<>();
        private final Map<String, Integer> codesRemoved = new TreeMap<>();
        private final Map<String, Integer> parameters = new TreeMap<>();
        private final Map<String, Integer> rulesVersions = new TreeMap<>();
        private int amounts;
        private BigDecimal paidNow = BigDecimal.ZERO;
        private BigDecimal paidLogged = BigDecimal.ZERO;
        private int calculationOnly;
        private int findingsOnly;
        private int wording;
        private int rulesFired;

        void add(DecisionDiff diff, List<String> parameterChanges) {
            if (diff.outcome != null) {
                outcomes.merge(diff.outcome, 1, Integer::sum);
            }
            if (diff.amountNow != null) {
                amounts++;
                paidNow = paidNow.add(diff.amountNow);
                paidLogged = paidLogged.add(diff.amountLogged == null ? BigDecimal.ZERO : diff.amountLogged);
            }
            diff.added.forEach(c -> codesAdded.merge(c, 1, Integer::sum));
            diff.removed.forEach(c -> codesRemoved.merge(c, 1, Integer::sum));
            boolean otherwiseEqual = diff.outcome == null && diff.amountNow == null && diff.added.isEmpty()
                    && diff.removed.isEmpty();
            if (otherwiseEqual && !diff.findings.isEmpty()) {
                findingsOnly++;
            } else if (otherwiseEqual && diff.calculationPaths > 0) {
                calculationOnly++;
            }
            parameterChanges.forEach(p -> parameters.merge(p, 1, Integer::sum));
            if (diff.rulesVersion != null) {
                rulesVersions.merge(diff.rulesVersion, 1, Integer::sum);
            }
            wording += diff.wording ? 1 : 0;
            rulesFired += diff.rulesFired ? 1 : 0;
        }

        /** The summary's lines, "CHANGES …" for what decides, "NOTE …" for what does not; none when nothing changed. */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            outcomes.forEach((change, n) -> lines.add("CHANGES outcome " + change + ": " + decisions(n)));
            if (amounts > 0) {
                lines.add("CHANGES amount: " + decisions(amounts) + ", paid " + paidLogged.toPlainString() + " logged, "
                        + paidNow.toPlainString() + " now (" + (paidNow.compareTo(paidLogged) >= 0 ? "+" : "")
                        + paidNow.subtract(paidLogged).toPlainString() + ")");
            }
            codesAdded.forEach((code, n) -> lines.add("CHANGES code +" + code + ": " + decisions(n)));
            codesRemoved.forEach((code, n) -> lines.add("CHANGES code -" + code + ": " + decisions(n)));
            if (findingsOnly > 0) {
                lines.add("CHANGES findings' severity, rule or legal reference only: " + decisions(findingsOnly));
            }
            if (calculationOnly > 0) {
                lines.add("CHANGES calculation only (outcome, amount and codes alike): " + decisions(calculationOnly));
            }
            parameters.forEach((change, n) -> lines.add("CHANGES parameter " + change + ": read by " + decisions(n)));
            rulesVersions.forEach((change, n) -> lines.add("NOTE rules version " + change + ": " + decisions(n)
                    + " (not compared)"));
            if (wording > 0) {
                lines.add("NOTE findings worded differently: " + decisions(wording) + " (not compared)");
            }
            if (rulesFired > 0) {
                lines.add("NOTE rulesFired differs: " + decisions(rulesFired) + " (not compared)");
            }
            return lines;
        }

        private static String decisions(int n) {
            return n + (n == 1 ? " decision" : " decisions");
        }
    }

    /**
     * The parameter values a decision read now and as logged, compared by name and period: "name logged → now
     * (from D)"; a period now without its logged match (or the other way round) as "periods …".
     */
    static List<String> parameterChanges(JsonNode now, JsonNode logged) {
        List<String> changes = new ArrayList<>();
        if (now == null || logged == null || !now.isArray() || !logged.isArray()) {
            return changes;
        }
        Map<String, JsonNode> byFrom = new TreeMap<>();
        logged.forEach(p -> byFrom.put(p.path("from").asText(), p));
        for (JsonNode period : now) {
            String from = period.path("from").asText();
            JsonNode old = byFrom.remove(from);
            if (old == null) {
                changes.add("period from " + from + " (not logged)");
                continue;
            }
            for (Iterator<String> names = period.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                List<String> diff = new ArrayList<>();
                differences(name, period.get(name), old.path(name), diff);
                diff.forEach(d -> changes.add(d + " (from " + from + ")"));
            }
        }
        byFrom.keySet().forEach(from -> changes.add("period from " + from + " (logged, not now)"));
        return changes;
    }
}
