package se.forebygg.simulate;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;

/** What one scenario (baseline or what-if) comes to, added up decision by decision. */
public final class Tally {
    /** Width of a bin of the grants-per-employer histogram, kronor. */
    static final int EMPLOYER_BIN = 25_000;
    /** Bins of the histogram; the last one is open-ended. */
    static final int EMPLOYER_BINS = 13;

    final Map<String, Long> outcomes = new TreeMap<>();
    final Map<String, BigDecimal> paidByType = new TreeMap<>();
    final Map<String, Long> decisionsByType = new TreeMap<>();
    final Map<String, Long> codeCounts = new TreeMap<>();
    final Map<String, BigDecimal> amountByCode = new TreeMap<>();
    final long[] employersByGranted = new long[EMPLOYER_BINS];
    long employers;

    void add(Decision d) {
        String type = d.type().id();
        outcomes.merge(type + " " + d.outcome(), 1L, Long::sum);
        decisionsByType.merge(type, 1L, Long::sum);
        paidByType.merge(type, d.amount(), BigDecimal::add);
        d.findings().stream().map(Finding::code).map(Enum::name).distinct().forEach(code -> {
            codeCounts.merge(code, 1L, Long::sum);
            amountByCode.merge(code, d.amount(), BigDecimal::add);
        });
    }

    void addEmployer(BigDecimal granted) {
        int bin = Math.min(EMPLOYER_BINS - 1, granted.intValue() / EMPLOYER_BIN);
        employersByGranted[bin]++;
        employers++;
    }

    /** Decisions that carry an employer-cap code (ARS_EMPLOYER_CAP_…), by code. */
    public Map<String, Long> employerCapCodes() {
        Map<String, Long> caps = new TreeMap<>();
        codeCounts.forEach((code, n) -> {
            if (code.startsWith("ARS_EMPLOYER_CAP_")) {
                caps.put(code, n);
            }
        });
        return caps;
    }

    public Map<String, Long> outcomes() {
        return outcomes;
    }

    public Map<String, BigDecimal> paidByType() {
        return paidByType;
    }

    public Map<String, Long> codeCounts() {
        return codeCounts;
    }

    public Map<String, BigDecimal> amountByCode() {
        return amountByCode;
    }

    public long[] employersByGranted() {
        return employersByGranted.clone();
    }

    public long employers() {
        return employers;
    }
}
