package se.forebygg.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import se.forebygg.engine.Case;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.ReasonCode;
import se.forebygg.Forebygg;
import se.forebygg.engine.Input;
import se.forebygg.order.Pipeline;
import se.forebygg.order.SortedSpill;
import se.forebygg.grant.GrantLedger;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;

/**
 * Decides the same cases under baseline and what-if parameters and adds up what changes. Streams:
 * cases are read and decided in chunks, only totals, a few examples and the top-N groups of winners and
 * losers are kept, so memory does not grow with the input.
 *
 * <p>A decision has changed when its outcome, its amount or its findings differ (a code added or
 * removed, or a finding of the same code worded with other figures); its calculation alone is not
 * compared.
 *
 * <p>Grant applications are decided as {@code forebygg evaluate} decides them: after the other cases, sorted
 * on disk in the ledger's order ({@link Forebygg#ledgerOrder()}) and decided a chunk at a time, each scenario
 * through a ledger of its own for the whole run, so every cap sees every earlier application of its room
 * wherever it stands in the input. The other cases are decided a chunk at a time as they are read. Examples
 * are the first in input order all the same.
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

    /**
     * Reads every case of {@code reader} and returns what changed.
     *
     * @throws UncheckedIOException when the grant applications cannot be held in a temporary file
     */
    public Result run(CaseReader reader) {
        return run(reader, phase -> { });
    }

    /**
     * As {@link #run(CaseReader)}, naming to {@code phase} the step after the input is read (deciding the grant
     * applications held for their order), for a progress line.
     */
    public Result run(CaseReader reader, Consumer<String> phase) {
        Run run = new Run(new Result(top));
        boolean ahead = baseline.threads() > 1; // then reading runs beside the deciding, on a thread of its own
        try (SortedSpill grants = new SortedSpill(baseline.ledgerOrder(), mapper, SortedSpill.RUN_SIZE)) {
            Pipeline.<Chunk>run(emit -> {
                // Only the cases and their lines are kept, not the reader's entries with their line maps.
                List<Case> cases = new ArrayList<>();
                List<Integer> lines = new ArrayList<>();
                int bad = 0;
                while (reader.hasNext()) {
                    if (!(reader.next() instanceof Input.Read entry)) {
                        bad++;
                        continue;
                    }
                    if (baseline.sharesLedger(entry.aCase())) {
                        grants.add(entry);
                        continue;
                    }
                    cases.add(entry.aCase());
                    lines.add(entry.line());
                    if (cases.size() == chunkSize) {
                        emit.accept(new Chunk(Input.all(cases), lines, bad, false));
                        cases = new ArrayList<>();
                        lines = new ArrayList<>();
                        bad = 0;
                    }
                }
                emit.accept(new Chunk(Input.all(cases), lines, bad, false));
                // The grants in their order, read back as soon as the input ends, while the last chunks are decided.
                grants.inBatches(chunkSize, batch -> emit.accept(new Chunk(
                        batch.stream().<Input>map(SortedSpill.Entry::input).toList(),
                        batch.stream().map(e -> e.input().line()).toList(), 0, true)));
            }, new Pipeline.Consumer<>() {
                private boolean grantsBegun;

                @Override
                public void accept(Chunk chunk) {
                    if (chunk.grants() && !grantsBegun) {
                        grantsBegun = true;
                        phase.accept(grants.phase());
                    }
                    run.decide(chunk);
                }
            }, ahead, "forebygg-read");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hold the grant applications in a temporary file: " + e.getMessage(), e);
        }
        run.grantedByEmployer.values().forEach(sums -> run.result.addEmployer(sums[0], sums[1]));
        return run.result;
    }

    private String employerOf(Case aCase) {
        if (aCase.type() != CaseType.WORKPLACE_REHABILITATION_GRANT) {
            return null;
        }
        return mapper.valueToTree(aCase).path("employerId").asText(null);
    }

    /**
     * Cases decided together in both scenarios, the lines they were read on, the bad inputs read among them, and
     * whether they are grant applications in their order (after every other case).
     */
    private record Chunk(List<Input> inputs, List<Integer> lines, int bad, boolean grants) {
    }

    /** One run: its totals, each scenario's ledger and what each employer was granted in each. */
    private final class Run {
        final Result result;
        final GrantLedger baselineLedger = InMemoryGrantLedger.forOneRun();
        final GrantLedger whatIfLedger = InMemoryGrantLedger.forOneRun();
        final Map<String, BigDecimal[]> grantedByEmployer = new HashMap<>();

        Run(Result result) {
            this.result = result;
        }

        /** Decides a chunk's inputs in both scenarios and adds them up. */
        void decide(Chunk chunk) {
            result.badInput += chunk.bad();
            List<Input> inputs = chunk.inputs();
            List<Integer> lines = chunk.lines();
            if (inputs.isEmpty()) {
                return;
            }
            // The baseline decisions are boiled down before the what-if ones are made, to halve the peak memory.
            // A case either engine refuses (a date outside its parameters) is null there, counted as bad input.
            List<Outline> before = baseline.decideAll(inputs, baselineLedger).stream()
                    .map(r -> r instanceof se.forebygg.engine.Result.Decided d ? Outline.of(d.decision(), result.baseline) : null).toList();
            List<Decision> after = whatIf.decideAll(inputs, whatIfLedger).stream()
                    .map(r -> r instanceof se.forebygg.engine.Result.Decided d ? d.decision() : null).toList();
            for (int i = 0; i < inputs.size(); i++) {
                Outline b = before.get(i);
                Decision a = after.get(i);
                if (!result.add(b, a, lines.get(i))) {
                    continue;
                }
                String employer = inputs.get(i) instanceof Input.Read read ? employerOf(read.aCase()) : null;
                if (employer != null) {
                    BigDecimal[] sums = grantedByEmployer.computeIfAbsent(employer,
                            k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    sums[0] = sums[0].add(b.decision.amount());
                    sums[1] = sums[1].add(a.amount());
                }
            }
        }
    }

    /**
     * What the comparison needs of a baseline decision: the decision without its calculation and rules
     * fired, and its findings' wording by code (added to its tally as it is made).
     */
    private record Outline(Decision decision, Map<ReasonCode, List<String>> wording) {
        static Outline of(Decision d, Tally tally) {
            tally.add(d);
            return new Outline(new Decision(d.caseId(), d.type(), d.outcome(), d.amount(), List.of(), null, List.of(),
                    d.rulesVersion()), wording(d));
        }

        /** The change from this baseline decision to {@code other}; null when outcome, amount and findings are the same. */
        Change changeTo(Decision other) {
            Map<ReasonCode, List<String>> otherWording = wording(other);
            Set<ReasonCode> added = EnumSet.noneOf(ReasonCode.class);
            Set<ReasonCode> removed = EnumSet.noneOf(ReasonCode.class);
            Set<ReasonCode> reworded = EnumSet.noneOf(ReasonCode.class);
            otherWording.keySet().stream().filter(c -> !wording.containsKey(c)).forEach(added::add);
            wording.keySet().stream().filter(c -> !otherWording.containsKey(c)).forEach(removed::add);
            wording.forEach((code, words) -> {
                if (otherWording.containsKey(code) && !otherWording.get(code).equals(words)) {
                    reworded.add(code);
                }
            });
            if (decision.outcome() == other.outcome() && decision.amount().compareTo(other.amount()) == 0
                    && added.isEmpty() && removed.isEmpty() && reworded.isEmpty()) {
                return null;
            }
            return new Change(decision.caseId(), decision.type(), decision.outcome(), decision.amount(), other.outcome(),
                    other.amount(), added, removed, reworded);
        }

        /** Each code's findings as worded (severity and English message), in the decision's order. */
        private static Map<ReasonCode, List<String>> wording(Decision d) {
            Map<ReasonCode, List<String>> byCode = new EnumMap<>(ReasonCode.class);
            for (Finding f : d.findings()) {
                byCode.computeIfAbsent(f.code(), c -> new ArrayList<>()).add(f.severity() + " " + f.message());
            }
            return byCode;
        }
    }

    /** The totals of both scenarios and what changed between them. */
    public static final class Result {
        /** How many changed decisions of each kind are kept as examples, in input order. */
        static final int EXAMPLES = 5;

        final Tally baseline = new Tally();
        final Tally whatIf = new Tally();
        private final Map<Change.Kind, Long> changedByKind = new EnumMap<>(Change.Kind.class);
        private final Map<Change.Kind, FirstInInput<Change>> examples = new EnumMap<>(Change.Kind.class);
        private final Map<Transition, Long> transitions = new TreeMap<>();
        private final TopDeltas winners;
        private final TopDeltas losers;
        private final Tally.Sum gained = new Tally.Sum();
        private final Tally.Sum lost = new Tally.Sum();
        long decided;
        long badInput;
        long changed;

        Result(int top) {
            this.winners = new TopDeltas(top, true);
            this.losers = new TopDeltas(top, false);
        }

        /**
         * An empty result for cases decided elsewhere (e.g. spread over many machines), added to it with
         * {@link #add(Decision, Decision)} and {@link #addEmployer}; {@code top} as in {@link Simulation}.
         */
        public static Result empty(int top) {
            if (top < 0) {
                throw new IllegalArgumentException("top must be >= 0");
            }
            return new Result(top);
        }

        /**
         * Adds one input's baseline and what-if decisions, in input order (the examples and the groups'
         * case ids are the first ones added); null for a case that engine refused, or both null for an
         * input that could not be read: either counts as bad input.
         */
        public void add(Decision baseline, Decision whatIf) {
            add(baseline == null ? null : Outline.of(baseline, this.baseline), whatIf,
                    (int) Math.min(Integer.MAX_VALUE, decided + badInput + 1));
        }

        /** Adds one input, read on {@code line}, as {@link Simulation#run} does; false when it is bad input. */
        private boolean add(Outline b, Decision a, int line) {
            if (b == null || a == null) {
                badInput++;
                return false;
            }
            decided++;
            whatIf.add(a);
            Change change = b.changeTo(a);
            if (change != null) {
                record(change, line);
            }
            return true;
        }

        /**
         * Adds what one employer was granted in all, baseline and what-if (once per employer, as
         * {@link Simulation#run} counts them).
         */
        public void addEmployer(BigDecimal baseline, BigDecimal whatIf) {
            this.baseline.addEmployer(baseline);
            this.whatIf.addEmployer(whatIf);
        }

        /** Counts {@code change}, of the case read on input {@code line}. */
        void record(Change change, int line) {
            changed++;
            changedByKind.merge(change.kind(), 1L, Long::sum);
            examples.computeIfAbsent(change.kind(), k -> new FirstInInput<>(EXAMPLES)).add(line, change);
            if (change.kind() == Change.Kind.OUTCOME) {
                transitions.merge(new Transition(change.type(), change.baselineOutcome(), change.whatIfOutcome()), 1L, Long::sum);
            }
            int sign = change.delta().signum();
            if (sign > 0) {
                winners.add(change, line);
                gained.add(change.delta());
            } else if (sign < 0) {
                losers.add(change, line);
                lost.add(change.delta());
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

        /** Decisions whose outcome, amount or findings changed. */
        public long changed() {
            return changed;
        }

        /** The changed decisions by what changed first (outcome, else amount, else only the findings). */
        public long changed(Change.Kind kind) {
            return changedByKind.getOrDefault(kind, 0L);
        }

        /** The first changed decisions of {@code kind}, in input order. */
        public List<Change> examples(Change.Kind kind) {
            FirstInInput<Change> kept = examples.get(kind);
            return kept == null ? List.of() : kept.list();
        }

        /** How many decisions went from one outcome to another, per benefit. */
        public Map<Transition, Long> transitions() {
            return java.util.Collections.unmodifiableMap(transitions);
        }

        /** The biggest gains, ties grouped, largest first. */
        public List<TopDeltas.Group> winners() {
            return winners.groups();
        }

        /** The biggest losses, ties grouped, largest loss first. */
        public List<TopDeltas.Group> losers() {
            return losers.groups();
        }

        /** All decisions that gained, and what they gained together. */
        public Tally.Sum gained() {
            return gained;
        }

        /** All decisions that lost, and what they lost together (negative). */
        public Tally.Sum lost() {
            return lost;
        }
    }

    /** A change of outcome of one benefit's decisions. */
    public record Transition(CaseType type, Outcome from, Outcome to) implements Comparable<Transition> {
        private static final java.util.Comparator<Transition> ORDER = java.util.Comparator.comparing(Transition::type)
                .thenComparing(Transition::from).thenComparing(Transition::to);

        @Override
        public int compareTo(Transition other) {
            return ORDER.compare(this, other);
        }
    }
}
