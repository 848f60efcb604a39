package se.forebygg.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Input;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.engine.Result;
import se.forebygg.engine.UndecidedCaseException;
import se.forebygg.grant.GrantLedger;
import se.forebygg.parameters.Parameters;
import se.forebygg.spi.Benefit;

/**
 * The one way the engine decides inputs, one or many: which case goes into which session, and in which
 * order the shared cases (grants) take their rooms in the ledger. Not API; hosts call
 * {@link se.forebygg.Forebygg#decideAll}.
 *
 * <ul>
 * <li>Every case that counts against no other goes first, in input order, {@value #GROUP_SIZE} per session
 *     (never one caseId twice in a session).</li>
 * <li>Then the shared cases of each benefit in its {@link Benefit.Shared#order()} (for grants: submission
 *     order), in waves: the n-th case of each ledger room is in wave n, so a session never holds two cases
 *     that read the same sums, and each wave is recorded before the next reads the ledger.</li>
 * <li>A wave is decided in parts of {@link GrantLedger#reservationsAtOnce()} rooms, each part's reservations
 *     taken in room order, so that two batches running at once never wait for each other in a circle.</li>
 * <li>With several threads, sessions of the first kind are decided in parallel, and so are partitions of the
 *     shared cases that have no room and no caseId in common, each in its own order; every thread holds at
 *     most {@link GrantLedger#reservationsAtOnce()} rooms. The results are those of one thread.</li>
 * <li>An input refused (unreadable, bad input, not decided) keeps its place among the results.</li>
 * </ul>
 */
public final class Scheduler {
    /** Cases per session: enough to spread the session's cost, few enough to keep its memory small. */
    public static final int GROUP_SIZE = 200;

    /** What the scheduler needs of the engine: its parameters, and one session's run over prepared cases. */
    public interface Sessions {
        Parameters parameters();

        /**
         * Runs the rules once over cases of distinct caseIds; the decisions in the order of {@code group}, null
         * for a case whose rules would not stop firing (then given to {@code onLoop}).
         */
        List<Decision> decide(List<Prepared> group, BiConsumer<Prepared, UndecidedCaseException> onLoop);
    }

    private final Sessions sessions;
    /** How many threads decide at once; one decides everything on the caller's thread. */
    private final int threads;

    /** {@code threads}: at least 1 ({@link se.forebygg.Forebygg.Builder#threads} checks it). */
    public Scheduler(Sessions sessions, int threads) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.threads = threads;
    }

    /** One result per input, in input order. A ledger that cannot be reached at all still throws. */
    public List<Result> decideAll(List<? extends Input> inputs, GrantLedger ledger) {
        Objects.requireNonNull(ledger, "ledger");
        List<Case> cases = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            cases.add(Objects.requireNonNull(input, "input") instanceof Input.Read read ? read.aCase() : null);
        }
        Result[] results = new Result[inputs.size()];
        Decision[] decisions = decide(cases, ledger, (i, problem) -> {
            Input.Read read = (Input.Read) inputs.get(i);
            results[i] = Result.Refused.of(read.aCase(), read.lines(), problem);
        });
        for (int i = 0; i < results.length; i++) {
            if (inputs.get(i) instanceof Input.Unread unread) {
                results[i] = unread.refusal();
            } else if (decisions[i] != null) {
                results[i] = new Result.Decided(decisions[i]);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(results));
    }

    /**
     * The decisions of {@code cases} by position; a case that cannot be decided goes to {@code onFailure}
     * with its position (its {@link InvalidCaseException} or {@link UndecidedCaseException}) and its place
     * holds null, as does a null case (skipped). {@code onFailure} may throw to stop the batch.
     */
    public Decision[] decide(List<? extends Case> cases, GrantLedger ledger, BiConsumer<Integer, RuntimeException> onFailure) {
        Objects.requireNonNull(ledger, "ledger");
        Decision[] decisions = new Decision[cases.size()];
        List<Integer> order = inBatchOrder(cases);
        int firstShared = 0;
        while (firstShared < order.size() && !Benefits.isShared(cases.get(order.get(firstShared)))) {
            firstShared++;
        }
        List<Runnable> work = new ArrayList<>();
        // Cases that count against no other case see nothing but their own facts: many share one session.
        // The sessions are formed here, in input order, whatever the number of threads.
        List<Integer> alone = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i : order.subList(0, firstShared)) {
            if (cases.get(i) == null) {
                continue;
            }
            if (alone.size() == GROUP_SIZE || !ids.add(cases.get(i).caseId())) {
                work.add(decideAlone(cases, alone, decisions, onFailure));
                alone = new ArrayList<>();
                ids.clear();
                ids.add(cases.get(i).caseId());
            }
            alone.add(i);
        }
        if (!alone.isEmpty()) {
            work.add(decideAlone(cases, alone, decisions, onFailure));
        }
        // Shared cases (grants) of different rooms read and write nothing of each other's in the ledger: each
        // partition of rooms is decided on one thread, in the order one thread would decide it.
        List<Integer> shared = order.subList(firstShared, order.size());
        String[] rooms = new String[cases.size()];
        for (int i : shared) {
            rooms[i] = roomOf(cases.get(i));
        }
        for (List<Integer> partition : partitions(cases, shared, rooms)) {
            work.add(() -> decideShared(cases, partition, rooms, ledger, decisions, onFailure));
        }
        run(work);
        return decisions;
    }

    /** A session's worth of cases that count against no other: their decisions, or their failures. */
    private Runnable decideAlone(List<? extends Case> cases, List<Integer> positions, Decision[] decisions,
                                 BiConsumer<Integer, RuntimeException> onFailure) {
        return () -> {
            Group group = new Group(onFailure);
            for (int i : positions) {
                try {
                    group.add(i, prepare(cases.get(i)), decisions);
                } catch (InvalidCaseException e) {
                    onFailure.accept(i, e);
                }
            }
            group.flush(decisions);
        };
    }

    /**
     * Shared cases (positions in batch order) split into at most {@code threads} partitions, each in batch
     * order, such that no room and no caseId is in two partitions: what a case reads from the ledger (its
     * room's sums, whether its caseId is recorded) is then written only by cases of its own partition, in
     * the order of a one-thread run, so the decisions do not depend on the number of threads.
     */
    private List<List<Integer>> partitions(List<? extends Case> cases, List<Integer> shared, String[] rooms) {
        if (threads == 1 || shared.isEmpty()) {
            return shared.isEmpty() ? List.of() : List.of(shared);
        }
        // Rooms joined by a caseId they have in common form one component: union-find over numbers, the k-th
        // room seen is k, the k-th caseId seen is shared.size() + k.
        Map<String, Integer> roomNumbers = new HashMap<>();
        Map<String, Integer> caseNumbers = new HashMap<>();
        int[] parent = new int[2 * shared.size()];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        int[] roomOfCase = new int[shared.size()];
        for (int k = 0; k < shared.size(); k++) {
            int i = shared.get(k);
            roomOfCase[k] = numberOf(roomNumbers, rooms[i]);
            int caseNode = shared.size() + numberOf(caseNumbers, cases.get(i).caseId());
            parent[find(parent, caseNode)] = find(parent, roomOfCase[k]);
        }
        Map<Integer, List<Integer>> components = new LinkedHashMap<>();
        for (int k = 0; k < shared.size(); k++) {
            components.computeIfAbsent(find(parent, roomOfCase[k]), c -> new ArrayList<>()).add(shared.get(k));
        }
        // Largest components first, each to the partition with the fewest cases so far.
        List<List<Integer>> bySize = new ArrayList<>(components.values());
        bySize.sort(Comparator.comparing((List<Integer> c) -> -c.size()).thenComparing(c -> c.get(0)));
        int count = Math.min(threads, bySize.size());
        List<List<Integer>> partitions = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            partitions.add(new ArrayList<>());
        }
        for (List<Integer> component : bySize) {
            partitions.stream().min(Comparator.comparing(List::size)).orElseThrow().addAll(component);
        }
        int[] rank = new int[cases.size()];
        for (int k = 0; k < shared.size(); k++) {
            rank[shared.get(k)] = k;
        }
        partitions.forEach(p -> p.sort(Comparator.comparingInt(i -> rank[i])));
        return partitions;
    }

    /** {@code key}'s number in {@code numbers}: how many keys were numbered before its first sight. */
    private static int numberOf(Map<String, Integer> numbers, String key) {
        Integer number = numbers.putIfAbsent(key, numbers.size());
        return number == null ? numbers.size() - 1 : number;
    }

    /** The root of {@code node}'s set, halving the path on the way. */
    private static int find(int[] parent, int node) {
        int at = node;
        while (parent[at] != at) {
            parent[at] = parent[parent[at]];
            at = parent[at];
        }
        return at;
    }

    /**
     * Shared cases in batch order, in waves: the n-th case of each room goes in wave n, so a session never holds
     * two cases that read the same sums, and each wave is recorded before the next reads the ledger.
     */
    private void decideShared(List<? extends Case> cases, List<Integer> shared, String[] rooms, GrantLedger ledger,
                              Decision[] decisions, BiConsumer<Integer, RuntimeException> onFailure) {
        List<List<Integer>> waves = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i : shared) {
            int wave = seen.merge(rooms[i], 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(i);
        }
        // A ledger says how many rooms one caller may hold at once (a database ledger: one, as each holds
        // a connection and a transaction); a wave is decided in parts of that size. Each thread is a caller.
        int atOnce = Math.max(1, ledger.reservationsAtOnce());
        for (List<Integer> wave : waves) {
            for (int from = 0; from < wave.size(); from += atOnce) {
                decideWave(cases, wave.subList(from, Math.min(wave.size(), from + atOnce)), rooms, ledger, decisions, onFailure);
            }
        }
    }

    /**
     * Runs {@code work} on up to {@link #threads} threads, the caller's one of them; returns when all is done.
     * The first failure stops the taking of further work and is thrown once every thread has stopped.
     */
    private void run(List<Runnable> work) {
        int count = Math.min(threads, work.size());
        if (count <= 1) {
            work.forEach(Runnable::run);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < work.size() && failure.get() == null; k = next.getAndIncrement()) {
                try {
                    work.get(k).run();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < count; t++) {
            Thread helper = new Thread(worker, "forebygg-decide-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /**
     * The positions of {@code cases} in the order a batch decides them: every case that counts against
     * no other first, in input order, then the shared cases of each benefit in its order. A {@code null}
     * counts as a case of the first kind.
     */
    public static List<Integer> inBatchOrder(List<? extends Case> cases) {
        List<Integer> alone = new ArrayList<>();
        List<Integer> shared = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            (Benefits.isShared(cases.get(i)) ? shared : alone).add(i);
        }
        shared.sort(Comparator.comparing(i -> (Case) cases.get(i), SHARED_ORDER));
        alone.addAll(shared);
        return alone;
    }

    /**
     * The order of the shared cases: by benefit, then in the benefit's {@link Benefit.Shared#order()}. Each
     * room's cases are decided in this order; deciding them in consecutive batches of this order through one
     * ledger gives what one batch gives, as every room sees the same cases before it.
     */
    public static final Comparator<Case> SHARED_ORDER = Comparator
            .comparing((Case c) -> Benefits.of(c).caseClass().getName())
            .thenComparing((a, b) -> Benefits.of(a).shared().order().compare(a, b));

    /** The case's room in the ledger (worked out once a case: {@code rooms} by position); cases of different benefits never share one. */
    private static String roomOf(Case aCase) {
        Benefit<Case> benefit = Benefits.of(aCase);
        return benefit.caseClass().getName() + "\u0000" + benefit.shared().room(aCase);
    }

    private Prepared prepare(Case aCase) {
        Benefit<Case> kind = Benefits.of(aCase);
        return new Prepared(kind, aCase, kind.facts(aCase, sessions.parameters()));
    }

    /** A shared case's facts with what counts against it from before: from its room in the ledger. */
    private Prepared prepareShared(Benefit<Case> benefit, Case aCase, GrantLedger.Reservation room) {
        List<Object> facts = new ArrayList<>(benefit.facts(aCase, sessions.parameters()));
        facts.addAll(benefit.shared().prior(aCase, room));
        return new Prepared(benefit, aCase, facts);
    }

    /**
     * One wave of shared cases (at most one per room) decided in one session, each inside its own
     * reservation, taken in room order.
     */
    private void decideWave(List<? extends Case> cases, List<Integer> wave, String[] rooms, GrantLedger ledger,
                            Decision[] decisions, BiConsumer<Integer, RuntimeException> onFailure) {
        List<Integer> ordered = new ArrayList<>(wave);
        ordered.sort(Comparator.comparing((Integer i) -> rooms[i]));
        Map<Integer, GrantLedger.Reservation> reservations = new HashMap<>();
        try {
            Group group = new Group(onFailure);
            for (int i : ordered) {
                Case aCase = cases.get(i);
                Benefit<Case> benefit = Benefits.of(aCase);
                try {
                    GrantLedger.Reservation room = benefit.shared().reserve(aCase, ledger);
                    reservations.put(i, room);
                    Optional<Decision> recorded = room.recorded();
                    if (recorded.isPresent()) {
                        decisions[i] = recorded.get();
                    } else {
                        group.add(i, prepareShared(benefit, aCase, room), decisions);
                    }
                } catch (InvalidCaseException | UndecidedCaseException e) {
                    onFailure.accept(i, e);
                }
            }
            group.flush(decisions);
            for (int i : ordered) {
                GrantLedger.Reservation room = reservations.get(i);
                if (room != null && decisions[i] != null) {
                    try {
                        room.commit(decisions[i]);
                    } catch (InvalidCaseException | UndecidedCaseException e) {
                        decisions[i] = null;
                        onFailure.accept(i, e);
                    }
                }
            }
        } finally {
            reservations.values().forEach(GrantLedger.Reservation::close);
        }
    }

    /** Cases gathered for one session: at most {@link #GROUP_SIZE}, no caseId twice. */
    private final class Group {
        private final List<Integer> positions = new ArrayList<>();
        private final List<Prepared> prepared = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private final BiConsumer<Integer, RuntimeException> onFailure;

        Group(BiConsumer<Integer, RuntimeException> onFailure) {
            this.onFailure = onFailure;
        }

        void add(int position, Prepared p, Decision[] decisions) {
            if (prepared.size() == GROUP_SIZE || !ids.add(p.aCase().caseId())) {
                flush(decisions);
                ids.add(p.aCase().caseId());
            }
            positions.add(position);
            prepared.add(p);
        }

        void flush(Decision[] decisions) {
            if (prepared.isEmpty()) {
                return;
            }
            Map<Prepared, Integer> at = new IdentityHashMap<>();
            for (int k = 0; k < prepared.size(); k++) {
                at.put(prepared.get(k), positions.get(k));
            }
            List<Decision> decided = sessions.decide(prepared, (p, e) -> onFailure.accept(at.get(p), e));
            for (int k = 0; k < decided.size(); k++) {
                decisions[positions.get(k)] = decided.get(k);
            }
            positions.clear();
            prepared.clear();
            ids.clear();
        }
    }
}
