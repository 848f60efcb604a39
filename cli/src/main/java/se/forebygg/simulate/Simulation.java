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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.forebygg.engine.Case;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;

/**
 * Decides the same cases under baseline and what-if parameters and adds up what changes. Streams:
 * cases are read and decided in chunks, only totals and the top-N winners and losers are kept, so
 * memory does not grow with the input.
 *
 * <p>A chunk is one {@link Forebygg#decideAll} call, so cases in it count against each other's yearly
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
        // Only the cases are kept, not the reader's entries with their line maps: bad input is just counted.
        List<Case> chunk = new ArrayList<>();
        List<String> employers = new ArrayList<>();
        String lastEmployer = null;
        while (reader.hasNext()) {
            if (!(reader.next() instanceof Input.Read entry)) {
                result.badInput++;
                continue;
            }
            String employer = employerOf(entry.aCase());
            if (chunk.size() >= chunkSize && (employer == null || !employer.equals(lastEmployer))) {
                decide(chunk, employers, result);
                chunk.clear();
                employers.clear();
            }
            chunk.add(entry.aCase());
            employers.add(employer);
            lastEmployer = employer;
        }
        decide(chunk, employers, result);
        return result;
    }

    private String employerOf(Case aCase) {
        if (aCase.type() != CaseType.WORKPLACE_REHABILITATION_GRANT) {
            return null;
        }
        return mapper.valueToTree(aCase).path("employerId").asText(null);
    }

    private void decide(List<Case> chunk, List<String> employers, Result result) {
        if (chunk.isEmpty()) {
            return;
        }
        // The baseline decisions are boiled down before the what-if ones are made, to halve the peak memory.
        // A case either engine refuses (a date outside its parameters) is null there, counted as bad input.
        List<Input> inputs = Input.all(chunk);
        List<Outline> before = baseline.decideAll(inputs, new InMemoryGrantLedger()).stream()
                .map(r -> r instanceof se.forebygg.engine.Result.Decided d ? Outline.of(d.decision(), result.baseline) : null).toList();
        List<Decision> after = whatIf.decideAll(inputs, new InMemoryGrantLedger()).stream()
                .map(r -> r instanceof se.forebygg.engine.Result.Decided d ? d.decision() : null).toList();
        Map<String, BigDecimal[]> grantedByEmployer = new HashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            Outline b = before.get(i);
            Decision a = after.get(i);
            if (b == null || a == null) {
                result.badInput++;
                continue;
            }
            result.decided++;
            result.whatIf.add(a);
            if (!b.sameAs(a)) {
                result.record(new Change(b.caseId, b.type, b.outcome, b.amount, a.outcome().name(), a.amount()));
            }
            if (employers.get(i) != null) {
                BigDecimal[] sums = grantedByEmployer.computeIfAbsent(employers.get(i),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(b.amount);
                sums[1] = sums[1].add(a.amount());
            }
        }
        for (BigDecimal[] sums : grantedByEmployer.values()) {
            result.baseline.addEmployer(sums[0]);
            result.whatIf.addEmployer(sums[1]);
        }
    }

    /** What the comparison needs of a baseline decision (added to its tally as it is made). */
    private record Outline(String caseId, String type, String outcome, BigDecimal amount, Set<String> codes) {
        static Outline of(Decision d, Tally tally) {
            tally.add(d);
            return new Outline(d.caseId(), d.type().id(), d.outcome().name(), d.amount(), codes(d));
        }

        boolean sameAs(Decision other) {
            return outcome.equals(other.outcome().name()) && amount.compareTo(other.amount()) == 0
                    && codes.equals(codes(other));
        }

        /** The distinct reason codes: a finding repeated per parameter period is not a change. */
        private static Set<String> codes(Decision d) {
            return d.findings().stream().map(Finding::code).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        }
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
