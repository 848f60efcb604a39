package se.forebygg.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import se.forebygg.batch.Batches;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.engine.Forebygg;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;

/**
 * Decides the same cases under baseline and what-if parameters and adds up what changes. Streams:
 * cases are read and decided in chunks, only totals and the top-N winners and losers are kept, so
 * memory does not grow with the input.
 *
 * <p>A chunk is one {@link Forebygg#evaluateAll} call, so cases in it count against each other's yearly
 * caps. A chunk never ends inside a run of one employer's grant applications: when an employer's
 * applications stand together in the input (as {@code forebygg generate} writes them), its caps see all
 * of them.
 */
public final class Simulation {
    private final Forebygg baseline;
    private final Forebygg whatIf;
    private final int chunkSize;
    private final int top;
    private final ObjectMapper mapper = ForebyggJson.newMapper();

    public Simulation(Forebygg baseline, Forebygg whatIf, int chunkSize, int top) {
        if (chunkSize < 1 || top < 0) {
            throw new IllegalArgumentException("chunk size must be >= 1 and top >= 0");
        }
        this.baseline = Objects.requireNonNull(baseline);
        this.whatIf = Objects.requireNonNull(whatIf);
        this.chunkSize = chunkSize;
        this.top = top;
    }

    /** Reads every case of {@code reader} and returns what changed. */
    public Result run(CaseReader reader) {
        Result result = new Result(top);
        List<CaseReader.Entry> chunk = new ArrayList<>();
        String lastEmployer = null;
        while (reader.hasNext()) {
            CaseReader.Entry entry = reader.next();
            String employer = employerOf(entry);
            if (chunk.size() >= chunkSize && (employer == null || !employer.equals(lastEmployer))) {
                decide(chunk, result);
                chunk.clear();
            }
            chunk.add(entry);
            lastEmployer = employer;
        }
        decide(chunk, result);
        return result;
    }

    private String employerOf(CaseReader.Entry entry) {
        if (!entry.isCase() || entry.value().type() != CaseType.WORKPLACE_REHABILITATION_GRANT) {
            return null;
        }
        return mapper.valueToTree(entry.value()).path("employerId").asText(null);
    }

    private void decide(List<CaseReader.Entry> chunk, Result result) {
        if (chunk.isEmpty()) {
            return;
        }
        List<Object> before = Batches.decide(baseline, chunk);
        List<Object> after = Batches.decide(whatIf, chunk);
        Map<String, BigDecimal[]> grantedByEmployer = new HashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (!(before.get(i) instanceof Decision b) || !(after.get(i) instanceof Decision a)) {
                result.badInput++;
                continue;
            }
            result.decided++;
            result.baseline.add(b);
            result.whatIf.add(a);
            if (!sameDecision(b, a)) {
                result.record(Change.of(b, a));
            }
            if (b.type() == CaseType.WORKPLACE_REHABILITATION_GRANT) {
                BigDecimal[] sums = grantedByEmployer.computeIfAbsent(employerOf(chunk.get(i)),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(b.amount());
                sums[1] = sums[1].add(a.amount());
            }
        }
        for (BigDecimal[] sums : grantedByEmployer.values()) {
            result.baseline.addEmployer(sums[0]);
            result.whatIf.addEmployer(sums[1]);
        }
    }

    private static boolean sameDecision(Decision b, Decision a) {
        return b.outcome() == a.outcome() && b.amount().compareTo(a.amount()) == 0
                && b.findings().stream().map(Finding::code).toList()
                .equals(a.findings().stream().map(Finding::code).toList());
    }

    /** The totals of both scenarios and what changed between them. */
    public static final class Result {
        /** How many changed decisions are kept as examples, in input order. */
        static final int EXAMPLES = 5;

        final Tally baseline = new Tally();
        final Tally whatIf = new Tally();
        final List<Change> examples = new ArrayList<>();
        private final PriorityQueue<Change> winners;
        private final PriorityQueue<Change> losers;
        private final int top;
        long decided;
        long badInput;
        long changed;

        Result(int top) {
            this.top = top;
            this.winners = new PriorityQueue<>(Change.BY_DELTA);
            this.losers = new PriorityQueue<>(Change.BY_DELTA.reversed());
        }

        void record(Change change) {
            changed++;
            if (examples.size() < EXAMPLES) {
                examples.add(change);
            }
            int sign = change.delta().signum();
            if (sign > 0) {
                keep(winners, change);
            } else if (sign < 0) {
                keep(losers, change);
            }
        }

        private void keep(PriorityQueue<Change> heap, Change change) {
            heap.add(change);
            if (heap.size() > top) {
                heap.poll();
            }
        }

        public Tally baseline() {
            return baseline;
        }

        public Tally whatIf() {
            return whatIf;
        }

        public long decided() {
            return decided;
        }

        public long badInput() {
            return badInput;
        }

        public long changed() {
            return changed;
        }

        public List<Change> examples() {
            return List.copyOf(examples);
        }

        /** The biggest gains, largest first. */
        public List<Change> winners() {
            List<Change> list = new ArrayList<>(winners);
            list.sort(Collections.reverseOrder(Change.BY_DELTA));
            return list;
        }

        /** The biggest losses, largest loss first. */
        public List<Change> losers() {
            List<Change> list = new ArrayList<>(losers);
            list.sort(Change.BY_DELTA);
            return list;
        }
    }
}
