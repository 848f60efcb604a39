package se.forebygg.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import se.forebygg.authoring.RuleFolder;
import se.forebygg.authoring.RulesCompilationException;
import java.util.ServiceLoader;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.InMemoryGrantLedger;
import se.forebygg.parameters.Parameters;
import se.forebygg.spi.Benefit;
import se.forebygg.spi.Facts;
import se.forebygg.spi.Reason;

/**
 * The engine: rules and parameters loaded once, then {@link #evaluate(Case)} from any number of
 * threads. A single evaluation runs in its own Drools session; a batch decides many cases per session.
 *
 * <pre>{@code
 * Forebygg engine = Forebygg.create();
 * Decision decision = engine.evaluate(someCase);
 * }</pre>
 */
public final class Forebygg {

    /** Name of the knowledge base in {@code rules-drl}'s kmodule.xml. */
    static final String KBASE = "forebygg";
    private static final String RULES_VERSION_RESOURCE = "/META-INF/forebygg-rules.properties";
    /** Cases per session in a batch: enough to spread the session's cost, few enough to keep its memory small. */
    private static final int GROUP_SIZE = 200;
    /**
     * The bound on rule firings per decision: {@value #FIRINGS_PER_CASE} plus {@value #FIRINGS_PER_FACT}
     * per fact the case brings. The largest shipped decisions fire about one rule per fact (a 10 000-day
     * claim fires some 3 per day); a case that reaches the bound has a rule that keeps re-activating
     * itself, and becomes an {@link UndecidedCaseException} naming that rule instead of hanging the caller.
     */
    static final int FIRINGS_PER_CASE = 10_000;
    static final int FIRINGS_PER_FACT = 100;

    private final KieBase kieBase;
    private final Parameters parameters;
    private final String rulesVersion;
    /** Sessions are reset and reused rather than built anew for every decision. */
    private final KieSessionsPool sessions;

    private Forebygg(KieBase kieBase, Parameters parameters, String rulesVersion) {
        this.kieBase = kieBase;
        this.parameters = parameters;
        this.rulesVersion = rulesVersion;
        this.sessions = kieBase.newKieSessionsPool(2);
    }

    /** The shipped rules (found on the classpath) with the shipped parameters. */
    public static Forebygg create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides one case. A grant application counts only its own {@code alreadyGranted} against the
     * caps. Throws {@link InvalidCaseException} when a date of the case lies outside the parameters.
     */
    public Decision evaluate(Case aCase) {
        return evaluate(aCase, new InMemoryGrantLedger());
    }

    /**
     * Decides one case; a grant application also counts what {@code ledger} holds for its employer,
     * employee and year against the caps, and its decision is recorded in {@code ledger}. Reading the
     * room, deciding and recording happen inside one {@link GrantLedger.Reservation} (for a database
     * ledger: one transaction holding the employer's and year's row lock). An application the ledger
     * already holds gives back its stored decision; a changed application under a recorded caseId
     * throws {@link se.forebygg.grant.ChangedApplicationException}. Throws {@link UndecidedCaseException}
     * when a rule would not stop firing or the ledger could not hold the room or store the decision.
     */
    public Decision evaluate(Case aCase, GrantLedger ledger) {
        Objects.requireNonNull(aCase, "case");
        Objects.requireNonNull(ledger, "ledger");
        UndecidedCaseException[] failed = new UndecidedCaseException[1];
        Decision decision;
        Benefit<Case> benefit = benefitOf(aCase);
        if (benefit.shared() != null) {
            try (GrantLedger.Reservation room = benefit.shared().reserve(aCase, ledger)) {
                Optional<Decision> recorded = room.recorded();
                decision = recorded.isPresent() ? recorded.get()
                        : decide(List.of(prepareShared(benefit, aCase, room)), (p, e) -> failed[0] = e).get(0);
                if (decision != null) {
                    room.commit(decision);
                }
            }
        } else {
            decision = decide(List.of(prepare(aCase)), (p, e) -> failed[0] = e).get(0);
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return decision;
    }

    /**
     * The parameter records a case's decision reads (its benefit's {@link Benefit#parameterRecord()}, one per period its dates fall in): what an audit
     * log records beside the decision. Throws {@link InvalidCaseException} as {@link #evaluate(Case)}.
     */
    public List<Object> parametersFor(Case aCase) {
        Benefit<Case> benefit = benefitOf(aCase);
        Class<?> type = benefit.parameterRecord();
        return benefit.facts(aCase, parameters).stream().filter(f -> type != null && type.isInstance(f)).toList();
    }

    /**
     * Decides many cases; the decisions come back in input order. Grant applications are taken in
     * {@link se.forebygg.grant.GrantCase#SUBMISSION_ORDER} (submittedOn, then caseId), each counting
     * against the caps of those after it, so the result does not depend on the order of the input.
     */
    public List<Decision> evaluateAll(List<? extends Case> cases) {
        return evaluateAll(cases, new InMemoryGrantLedger());
    }

    /** As {@link #evaluateAll(List)}, with the grants before this batch in {@code ledger}, which records this batch's grants. */
    public List<Decision> evaluateAll(List<? extends Case> cases, GrantLedger ledger) {
        cases.forEach(c -> Objects.requireNonNull(c, "case"));
        return List.of(evaluateAll(cases, ledger, (i, e) -> {
            throw e;
        }));
    }

    /**
     * As {@link #evaluateAll(List, GrantLedger)}, but one case that cannot be decided does not stop the
     * batch: its {@link InvalidCaseException} (bad input, e.g. a date outside the parameters, or a
     * changed application under a recorded caseId) or {@link UndecidedCaseException} (a rule that would
     * not stop firing; the ledger timed out or refused the decision) goes to {@code onFailure} with the
     * case's position, and its place in the result holds {@code null}. A {@code null} in {@code cases}
     * (e.g. an input line that could not be read) is skipped and also gets {@code null}. A ledger that
     * cannot be reached at all still throws: nothing after it could be decided either.
     */
    public Decision[] evaluateAll(List<? extends Case> cases, GrantLedger ledger,
                                  BiConsumer<Integer, RuntimeException> onFailure) {
        Objects.requireNonNull(ledger, "ledger");
        Decision[] decisions = new Decision[cases.size()];
        List<Integer> order = inBatchOrder(cases);
        int firstShared = 0;
        while (firstShared < order.size() && !isShared(cases.get(order.get(firstShared)))) {
            firstShared++;
        }
        // Cases that count against no other case see nothing but their own facts: many share one session.
        Group group = new Group(onFailure);
        for (int i : order.subList(0, firstShared)) {
            if (cases.get(i) == null) {
                continue;
            }
            try {
                group.add(i, prepare(cases.get(i)), decisions);
            } catch (InvalidCaseException e) {
                onFailure.accept(i, e);
            }
        }
        group.flush(decisions);
        // Shared cases (grants) read the ledger as left by every earlier case of their room (employer and
        // year), so a session takes at most one case per room: the n-th case of each room goes in wave n.
        List<List<Integer>> waves = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i : order.subList(firstShared, order.size())) {
            int wave = seen.merge(roomOf(cases.get(i)), 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(i);
        }
        // A ledger says how many rooms one caller may hold at once (a database ledger: one, as each holds
        // a connection and a transaction); a wave is decided in parts of that size.
        int atOnce = Math.max(1, ledger.reservationsAtOnce());
        for (List<Integer> wave : waves) {
            for (int from = 0; from < wave.size(); from += atOnce) {
                decideWave(cases, wave.subList(from, Math.min(wave.size(), from + atOnce)), ledger, decisions, onFailure);
            }
        }
        return decisions;
    }

    /**
     * The positions of {@code cases} in the order a batch decides them: every case that counts against
     * no other first, in input order, then the grant applications in
     * {@link se.forebygg.grant.GrantCase#SUBMISSION_ORDER}. A {@code null} counts as a case of the first kind.
     */
    public static List<Integer> inBatchOrder(List<?> cases) {
        List<Integer> alone = new ArrayList<>();
        Map<Benefit<Case>, List<Integer>> shared = new java.util.LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Object c = cases.get(i);
            if (c instanceof Case aCase && isShared(aCase)) {
                shared.computeIfAbsent(benefitOf(aCase), b -> new ArrayList<>()).add(i);
            } else {
                alone.add(i);
            }
        }
        shared.forEach((benefit, positions) -> {
            positions.sort(Comparator.comparing(i -> (Case) cases.get(i), benefit.shared().order()));
            alone.addAll(positions);
        });
        return alone;
    }

    private static boolean isShared(Case aCase) {
        return aCase != null && benefitOf(aCase).shared() != null;
    }

    /** The case's room in the ledger; cases of different benefits never share one. */
    private static String roomOf(Case aCase) {
        Benefit<Case> benefit = benefitOf(aCase);
        return benefit.caseClass().getName() + "\u0000" + benefit.shared().room(aCase);
    }

    /** The parameter table in use. */
    public Parameters parameters() {
        return parameters;
    }

    /** Every rule of the knowledge base, by package and name. */
    public List<RuleRef> rules() {
        List<RuleRef> rules = new ArrayList<>();
        for (org.kie.api.definition.KiePackage p : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                Object id = r.getMetaData().get(Reason.RULE_ID);
                Object legal = r.getMetaData().get(Reason.LEGAL_REFERENCE);
                rules.add(new RuleRef(p.getName(), r.getName(), Reason.metadata(id), Reason.metadata(legal)));
            }
        }
        rules.sort(Comparator.comparing(RuleRef::packageName).thenComparing(RuleRef::name));
        return List.copyOf(rules);
    }

    /** What every decision carries as {@code rulesVersion}: rules version and parameter table version. */
    public String rulesVersion() {
        return rulesVersion;
    }

    /** The benefit that decides {@code aCase}: found once, among those the rules modules on the class path register. */
    @SuppressWarnings("unchecked")
    private static Benefit<Case> benefitOf(Case aCase) {
        for (Benefit<?> benefit : Benefits.ALL) {
            if (benefit.caseClass().isInstance(aCase)) {
                return (Benefit<Case>) benefit;
            }
        }
        throw new IllegalArgumentException("no rules for case type " + aCase.getClass().getName()
                + ": add rules-drl to the class path");
    }

    /** The benefits registered in {@code META-INF/services/se.forebygg.spi.Benefit}, loaded once. */
    private static final class Benefits {
        static final List<Benefit<?>> ALL = ServiceLoader.load(Benefit.class, Forebygg.class.getClassLoader())
                .stream().<Benefit<?>>map(ServiceLoader.Provider::get).toList();
    }

    /** A case with the facts it brings into the session. */
    private record Prepared(Benefit<Case> kind, Case aCase, List<Object> facts) {
    }

    private Prepared prepare(Case aCase) {
        Benefit<Case> kind = benefitOf(aCase);
        return new Prepared(kind, aCase, kind.facts(aCase, parameters));
    }

    /**
     * One wave of grants (at most one per employer and year) decided in one session, each inside its
     * own reservation. Reservations are taken in (employer, year) order, so two waves running at once
     * in two threads or processes never wait for each other in a circle.
     */
    private void decideWave(List<? extends Case> cases, List<Integer> wave, GrantLedger ledger, Decision[] decisions,
                            BiConsumer<Integer, RuntimeException> onFailure) {
        List<Integer> ordered = new ArrayList<>(wave);
        ordered.sort(Comparator.comparing((Integer i) -> roomOf(cases.get(i))));
        Map<Integer, GrantLedger.Reservation> rooms = new HashMap<>();
        try {
            Group group = new Group(onFailure);
            for (int i : ordered) {
                Case aCase = cases.get(i);
                Benefit<Case> benefit = benefitOf(aCase);
                try {
                    GrantLedger.Reservation room = benefit.shared().reserve(aCase, ledger);
                    rooms.put(i, room);
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
                GrantLedger.Reservation room = rooms.get(i);
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
            rooms.values().forEach(GrantLedger.Reservation::close);
        }
    }

    /** A shared case's facts with what counts against it from before: from its room in the ledger. */
    private Prepared prepareShared(Benefit<Case> benefit, Case aCase, GrantLedger.Reservation room) {
        List<Object> facts = new ArrayList<>(benefit.facts(aCase, parameters));
        facts.addAll(benefit.shared().prior(aCase, room));
        return new Prepared(benefit, aCase, facts);
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
            Map<Prepared, Integer> at = new java.util.IdentityHashMap<>();
            for (int k = 0; k < prepared.size(); k++) {
                at.put(prepared.get(k), positions.get(k));
            }
            List<Decision> decided = decide(prepared, (p, e) -> onFailure.accept(at.get(p), e));
            for (int k = 0; k < decided.size(); k++) {
                decisions[positions.get(k)] = decided.get(k);
            }
            positions.clear();
            prepared.clear();
            ids.clear();
        }
    }

    /**
     * Runs the rules once over cases of distinct caseIds. Every rule joins a case's facts by caseId
     * (parameter sets are shared and read-only), so each case is decided as if it were alone. The
     * decisions come back in the order of {@code group}; a case whose rules would not stop firing gets
     * {@code null} there and goes to {@code onLoop}.
     */
    private List<Decision> decide(List<Prepared> group, BiConsumer<Prepared, UndecidedCaseException> onLoop) {
        Map<String, CaseRun> runs = new HashMap<>(group.size() * 2);
        long bound = 0;
        for (Prepared p : group) {
            runs.put(p.aCase().caseId(), new CaseRun(p));
            bound += firingBound(p);
        }
        int limit = (int) Math.min(Integer.MAX_VALUE, bound);
        boolean runaway;
        KieSession session = sessions.newKieSession();
        CaseRun only = group.size() == 1 ? runs.values().iterator().next() : null;
        AgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                if (only != null) {
                    only.fired.add(rule);
                    return;
                }
                for (Object fact : event.getMatch().getObjects()) {
                    CaseRun run = runs.get(CaseIds.of(fact));
                    if (run != null) {
                        run.fired.add(rule);
                    }
                }
            }
        };
        session.addEventListener(listener);
        try {
            for (Prepared p : group) {
                for (Object fact : p.facts()) {
                    session.insert(fact);
                }
            }
            runaway = session.fireAllRules(limit) >= limit;
            if (!runaway) {
                for (Object fact : session.getObjects()) {
                    CaseRun run = runs.get(CaseIds.of(fact));
                    if (run != null) {
                        run.facts.add(fact);
                    }
                }
            }
        } finally {
            session.removeEventListener(listener);
            session.dispose();
        }
        if (runaway && only != null) {
            onLoop.accept(only.prepared, looping(only.prepared, limit));
            return Collections.singletonList(null);
        }
        List<Decision> decisions = new ArrayList<>(group.size());
        if (runaway) {
            // Some case's rules would not stop: decide each case alone to find it, and spare the others.
            for (Prepared p : group) {
                decisions.add(decide(List.of(p), onLoop).get(0));
            }
            return decisions;
        }
        for (Prepared p : group) {
            decisions.add(decision(runs.get(p.aCase().caseId())));
        }
        return decisions;
    }

    private static long firingBound(Prepared p) {
        return FIRINGS_PER_CASE + (long) FIRINGS_PER_FACT * p.facts().size();
    }

    /**
     * The failure of a case that reached its firing bound, naming the rule that fired most: the case is
     * run once more, counting each rule's firings (only here, so that decisions that end pay nothing).
     */
    private UndecidedCaseException looping(Prepared p, int limit) {
        Map<String, Integer> firings = new HashMap<>();
        KieSession session = sessions.newKieSession();
        AgendaEventListener counter = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
            }
        };
        session.addEventListener(counter);
        try {
            p.facts().forEach(session::insert);
            session.fireAllRules(limit);
        } finally {
            session.removeEventListener(counter);
            session.dispose();
        }
        Map.Entry<String, Integer> most = firings.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new UndecidedCaseException(UndecidedCaseException.Cause.RULES, "rule '" + most.getKey() + "' fired "
                + most.getValue() + " times and the rules did not stop after " + limit + " firings (the bound for a "
                + p.aCase().type().id() + " with " + p.facts().size() + " facts): a rule that keeps re-activating"
                + " itself; the rules need fixing, the case is not decided", most.getKey(), null);
    }

    /** One case's share of a session: its own facts, the parameter sets it brought, the rules that fired for it. */
    private static final class CaseRun {
        final Prepared prepared;
        final List<Object> facts = new ArrayList<>();
        final TreeSet<String> fired = new TreeSet<>();

        CaseRun(Prepared prepared) {
            this.prepared = prepared;
            Class<?> parameterRecord = prepared.kind().parameterRecord();
            for (Object fact : prepared.facts()) {
                if (parameterRecord != null && parameterRecord.isInstance(fact)) {
                    facts.add(fact);
                }
            }
        }
    }

    private Decision decision(CaseRun run) {
        Case aCase = run.prepared.aCase();
        Benefit<Case> kind = run.prepared.kind();
        Facts inferred = new Facts(run.facts);
        List<Finding> findings = inferred.all(Reason.class, REASON_ORDER).stream()
                .map(Messages::finding)
                .toList();
        Outcome outcome = outcomeOf(findings);
        Calculation calculation = kind.calculation(aCase, inferred);
        BigDecimal amount = outcome == Outcome.REJECTED ? BigDecimal.ZERO : kind.amount(aCase, calculation);
        return new Decision(aCase.caseId(), aCase.type(), outcome, amount.setScale(2, RoundingMode.UNNECESSARY),
                findings, calculation, List.copyOf(run.fired), rulesVersion);
    }

    /** Findings in a stable order: strongest first, then by rule, code and figures. */
    private static final Comparator<Reason> REASON_ORDER = Comparator
            .comparing(Reason::severity)
            .thenComparing(Reason::ruleId)
            .thenComparing(Reason::code)
            .thenComparing(r -> String.join("\u0000", r.words()));

    /** The contract's outcome: any rejection rejects; otherwise any reduction makes it partial. */
    static Outcome outcomeOf(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.severity() == Severity.REJECTION)) {
            return Outcome.REJECTED;
        }
        if (findings.stream().anyMatch(f -> f.severity() == Severity.REDUCTION)) {
            return Outcome.PARTIALLY_APPROVED;
        }
        return Outcome.APPROVED;
    }

    /** Builds an engine; all settings are optional. */
    public static final class Builder {
        private Parameters parameters;
        private Path rulesDirectory;
        private RuleFolder compiledFolder;
        private RuleFolder.Compilation compilation;

        private Builder() {
        }

        /**
         * Rules compiled at run time from the {@code .drl} files under {@code dir} instead of the
         * shipped ones (needs {@code drools-model-compiler} on the class path). {@link #build()}
         * throws {@link RulesCompilationException} when they do not compile.
         */
        public Builder rulesDirectory(Path dir) {
            this.rulesDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Rules already compiled from {@code folder} ({@link RuleFolder#compile}), e.g. by a checker that
         * then runs them, so they are not compiled twice. The compilation must have succeeded.
         */
        public Builder compiledRules(RuleFolder folder, RuleFolder.Compilation compiled) {
            if (!compiled.succeeded()) {
                throw new RulesCompilationException(compiled.diagnostics());
            }
            this.compiledFolder = Objects.requireNonNull(folder, "folder");
            this.compilation = compiled;
            return this;
        }

        /** Parameters other than the shipped ones (e.g. {@link Parameters#load(java.nio.file.Path)}). */
        public Builder parameters(Parameters parameters) {
            this.parameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        public Forebygg build() {
            Parameters p = parameters == null ? Parameters.standard() : parameters;
            if (compilation != null) {
                return new Forebygg(compilation.kieBase(), p, "local-" + compiledFolder.fingerprint() + "/" + p.version());
            }
            if (rulesDirectory != null) {
                RuleFolder folder = RuleFolder.of(rulesDirectory);
                RuleFolder.Compilation compiled = folder.compile(Forebygg.class.getClassLoader());
                if (!compiled.succeeded()) {
                    throw new RulesCompilationException(compiled.diagnostics());
                }
                return new Forebygg(compiled.kieBase(), p, "local-" + folder.fingerprint() + "/" + p.version());
            }
            KieBase kieBase = ClasspathRules.KIE_BASE;
            return new Forebygg(kieBase, p, ClasspathRules.VERSION + "/" + p.version());
        }
    }

    /** The rules compiled into {@code rules-drl}, loaded once per class loader. */
    private static final class ClasspathRules {
        static final KieBase KIE_BASE = load();
        static final String VERSION = version();

        private static KieBase load() {
            KieBase base = se.forebygg.internal.KieBases.of(
                    KieServices.get().getKieClasspathContainer(Forebygg.class.getClassLoader()), KBASE);
            if (base == null) {
                throw new IllegalStateException("no knowledge base '" + KBASE + "' on the classpath: add rules-drl");
            }
            return base;
        }

        private static String version() {
            try (InputStream in = Forebygg.class.getResourceAsStream(RULES_VERSION_RESOURCE)) {
                if (in == null) {
                    return "unversioned";
                }
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unversioned");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
