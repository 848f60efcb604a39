package se.forebygg;

import se.forebygg.engine.Calculation;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Finding;
import se.forebygg.engine.Input;
import se.forebygg.engine.Outcome;
import se.forebygg.engine.Result;
import se.forebygg.engine.RuleRef;
import se.forebygg.engine.Severity;
import se.forebygg.engine.UndecidedCaseException;

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
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;
import se.forebygg.authoring.RuleFolder;
import se.forebygg.authoring.RulesCompilationException;
import se.forebygg.grant.GrantLedger;
import se.forebygg.internal.Benefits;
import se.forebygg.internal.Prepared;
import se.forebygg.internal.Scheduler;
import se.forebygg.ledger.InMemoryGrantLedger;
import se.forebygg.parameters.Parameters;
import se.forebygg.spi.Benefit;
import se.forebygg.spi.Facts;
import se.forebygg.spi.Reason;

/**
 * The engine: rules and parameters loaded once, then {@link #evaluate(Case)} from any number of
 * threads. {@link #decideAll} decides many inputs, many cases per Drools session, on
 * {@link Builder#threads several threads}, one result per input.
 *
 * <pre>{@code
 * Forebygg engine = Forebygg.create();
 * Decision decision = engine.evaluate(someCase);
 * }</pre>
 */
public final class Forebygg {

    private static final String RULES_VERSION_RESOURCE = "/META-INF/forebygg-rules.properties";
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
    /** The DRL the rules were compiled from, read only to say where a failing rule is written. */
    private final Supplier<RuleFolder> sources;
    /** Which cases go into which session, and in which order the shared ones take their rooms. */
    private final Scheduler scheduler;
    private final int threads;

    private Forebygg(KieBase kieBase, Parameters parameters, String rulesVersion, Supplier<RuleFolder> sources, int threads) {
        this.kieBase = kieBase;
        this.parameters = parameters;
        this.rulesVersion = rulesVersion;
        this.sessions = kieBase.newKieSessionsPool(2);
        this.sources = sources;
        this.threads = threads;
        this.scheduler = new Scheduler(new Scheduler.Sessions() {
            @Override
            public Parameters parameters() {
                return parameters;
            }

            @Override
            public List<Decision> decide(List<Prepared> group, BiConsumer<Prepared, UndecidedCaseException> onLoop) {
                return Forebygg.this.decide(group, onLoop);
            }
        }, threads);
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
     * caps. Throws {@link se.forebygg.engine.InvalidCaseException} when a date of the case lies outside the parameters.
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
        return scheduler.decide(List.of(aCase), ledger, (i, problem) -> {
            throw problem;
        })[0];
    }

    /**
     * The parameter records a case's decision reads: its benefit's
     * {@link se.forebygg.parameters.ParameterFile#parameterRecord() record}, one per period its dates fall in.
     * What an audit log records beside the decision. Throws {@link se.forebygg.engine.InvalidCaseException} as {@link #evaluate(Case)}.
     */
    public List<Object> parametersFor(Case aCase) {
        Benefit<Case> benefit = Benefits.of(aCase);
        Class<?> type = benefit.parameterRecord();
        return benefit.facts(aCase, parameters).stream().filter(type::isInstance).toList();
    }

    /**
     * Decides many inputs; one result per input, in input order: a {@link Result.Decided decision}, or a
     * {@link Result.Refused refusal} in the input's place (an input that could not be read; a case that is
     * bad input, e.g. a date outside the parameters or a changed application under a recorded caseId; a
     * case not decided because a rule would not stop firing or the ledger timed out or refused the
     * decision). Cases that count against each other (grant applications) are decided after all others,
     * in their benefit's order ({@link se.forebygg.grant.GrantCase#SUBMISSION_ORDER}), each counting
     * against the caps of those after it and of what {@code ledger} holds, and recorded in {@code ledger};
     * so the results do not depend on the order of the input. A ledger that cannot be reached at all
     * throws: nothing after it could be decided either.
     */
    public List<Result> decideAll(List<? extends Input> inputs, GrantLedger ledger) {
        return scheduler.decideAll(inputs, ledger);
    }

    /** As {@link #decideAll(List, GrantLedger)} with a ledger that starts empty: the inputs count only against each other. */
    public List<Result> decideAll(List<? extends Input> inputs) {
        return decideAll(inputs, new InMemoryGrantLedger());
    }

    /**
     * True when {@code aCase} counts against other cases through the ledger (a grant application against
     * the yearly caps): {@link #decideAll} decides it after every other case, and its decision is committed
     * to the ledger inside its {@link GrantLedger.Reservation} (so a host that logs decisions sees it there).
     */
    public boolean sharesLedger(Case aCase) {
        return Benefits.isShared(Objects.requireNonNull(aCase, "case"));
    }

    /** How many threads {@link #decideAll} decides on ({@link Builder#threads}). */
    public int threads() {
        return threads;
    }

    /**
     * The order in which {@link #decideAll} decides the cases that {@link #sharesLedger share the ledger} (grant
     * applications: by submission date, then caseId). Such cases decided in consecutive batches of this order
     * through one ledger get the decisions one batch of them all would get: a host with more of them than its
     * memory holds can sort them on disk.
     */
    public Comparator<Case> ledgerOrder() {
        return Scheduler.SHARED_ORDER;
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

    /**
     * Runs the rules once over cases of distinct caseIds. Every rule joins a case's facts by caseId
     * (parameter sets are shared and read-only), so each case is decided as if it were alone. The
     * decisions come back in the order of {@code group}; a case whose rules would not stop firing, or
     * whose rule's consequence threw, gets {@code null} there and goes to {@code onLoop}.
     */
    private List<Decision> decide(List<Prepared> group, BiConsumer<Prepared, UndecidedCaseException> onLoop) {
        Map<String, CaseRun> runs = new HashMap<>(group.size() * 2);
        long bound = 0;
        for (Prepared p : group) {
            runs.put(p.aCase().caseId(), new CaseRun(p));
            bound += firingBound(p);
        }
        int limit = (int) Math.min(Integer.MAX_VALUE, bound);
        boolean runaway = false;
        UndecidedCaseException broken = null;
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
            try {
                runaway = session.fireAllRules(limit) >= limit;
            } catch (ConsequenceException e) {
                broken = consequenceFailed(e);
            }
            if (!runaway && broken == null) {
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
        if ((runaway || broken != null) && only != null) {
            onLoop.accept(only.prepared, broken != null ? broken : looping(only.prepared, limit));
            return Collections.singletonList(null);
        }
        List<Decision> decisions = new ArrayList<>(group.size());
        if (runaway || broken != null) {
            // Some case's rules would not stop or threw: decide each case alone to find it, and spare the others.
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

    /**
     * The failure of a case whose rule threw in its consequence: named by the rule and where its DRL
     * declares it, e.g. {@code rule "ARS-6 …" (grant/caps.drl:42) failed: / by zero}, not by the
     * generated Java the stack trace runs through.
     */
    private UndecidedCaseException consequenceFailed(ConsequenceException e) {
        org.kie.api.definition.rule.Rule rule = e.getMatch().getRule();
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String where;
        try {
            where = sources.get().where(rule.getPackageName(), rule.getName()).orElse("package " + rule.getPackageName());
        } catch (RuntimeException notFound) {
            where = "package " + rule.getPackageName();
        }
        String what = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
        return new UndecidedCaseException(UndecidedCaseException.Cause.RULES, "rule \"" + rule.getName() + "\" ("
                + where + ") failed: " + what, rule.getName(), cause);
    }

    /** One case's share of a session: its own facts, the parameter sets it brought, the rules that fired for it. */
    private static final class CaseRun {
        final Prepared prepared;
        final List<Object> facts = new ArrayList<>();
        /** Hashed while the rules fire (a name's hash is kept, where a sorted set compares long names); sorted once. */
        final Set<String> fired = new HashSet<>();

        CaseRun(Prepared prepared) {
            this.prepared = prepared;
            Class<?> parameterRecord = prepared.kind().parameterRecord();
            for (Object fact : prepared.facts()) {
                if (parameterRecord.isInstance(fact)) {
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
                findings, calculation, run.fired.stream().sorted().toList(), rulesVersion);
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
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * How many threads {@link #decideAll} decides on (default: one per core; 1 decides on the caller's
         * thread). The results are the same for any number. Each thread holds at most
         * {@link GrantLedger#reservationsAtOnce()} rooms of the ledger at once; a database ledger needs a
         * connection per thread ({@code JdbcGrantLedger.open} pools at least one per core).
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            this.threads = threads;
            return this;
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
                RuleFolder folder = compiledFolder;
                return new Forebygg(se.forebygg.internal.KieBases.compiled(compilation), p, "local-" + folder.fingerprint() + "/" + p.version(),
                        () -> folder, threads);
            }
            if (rulesDirectory != null) {
                RuleFolder folder = RuleFolder.of(rulesDirectory);
                RuleFolder.Compilation compiled = folder.compile(Forebygg.class.getClassLoader());
                if (!compiled.succeeded()) {
                    throw new RulesCompilationException(compiled.diagnostics());
                }
                return new Forebygg(se.forebygg.internal.KieBases.compiled(compiled), p, "local-" + folder.fingerprint() + "/" + p.version(),
                        () -> folder, threads);
            }
            KieBase kieBase = ClasspathRules.KIE_BASE;
            return new Forebygg(kieBase, p, ClasspathRules.VERSION + "/" + p.version(), ClasspathRules::sources, threads);
        }
    }

    /** The rules compiled into {@code rules-drl}, loaded once per class loader. */
    private static final class ClasspathRules {
        static final KieBase KIE_BASE = load();
        static final String VERSION = version();
        private static volatile RuleFolder sources;

        /** The shipped DRL, read from the class path the first time a rule fails. */
        static RuleFolder sources() {
            RuleFolder s = sources;
            if (s == null) {
                List<String> packages = KIE_BASE.getKiePackages().stream()
                        .filter(p -> !p.getRules().isEmpty()).map(org.kie.api.definition.KiePackage::getName).toList();
                s = RuleFolder.onClassPath(Forebygg.class.getClassLoader(), packages);
                sources = s;
            }
            return s;
        }

        private static KieBase load() {
            // The default knowledge base of rules-drl's META-INF/kmodule.xml, which alone names it.
            KieBase base = se.forebygg.internal.KieBases.of(
                    KieServices.get().getKieClasspathContainer(Forebygg.class.getClassLoader()));
            if (base == null) {
                throw new IllegalStateException("no knowledge base on the classpath: add rules-drl");
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
