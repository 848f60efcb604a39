package se.forebygg.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;
import se.forebygg.authoring.RuleFolder;
import se.forebygg.authoring.RulesCompilationException;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantKind;
import se.forebygg.grant.GrantLedger;
import se.forebygg.grant.InMemoryGrantLedger;
import se.forebygg.grant.PriorGrants;
import se.forebygg.internal.CaseKind;
import se.forebygg.internal.Facts;
import se.forebygg.parameters.ParameterSet;
import se.forebygg.parameters.Parameters;
import se.forebygg.preventive.PreventiveKind;
import se.forebygg.provider.ProviderKind;

/**
 * The engine: rules and parameters loaded once, then {@link #evaluate(Case)} from any number of
 * threads. Each evaluation runs in its own stateless Drools session.
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
    private static final GrantKind GRANTS = new GrantKind();
    private static final List<CaseKind<?>> KINDS = List.of(new PreventiveKind(), new ProviderKind(), GRANTS);

    private final KieBase kieBase;
    private final Parameters parameters;
    private final String rulesVersion;
    private final KieCommands commands;

    private Forebygg(KieBase kieBase, Parameters parameters, String rulesVersion) {
        this.kieBase = kieBase;
        this.parameters = parameters;
        this.rulesVersion = rulesVersion;
        this.commands = KieServices.get().getCommands();
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
     * throws {@link se.forebygg.grant.ChangedApplicationException}.
     */
    public Decision evaluate(Case aCase, GrantLedger ledger) {
        Objects.requireNonNull(aCase, "case");
        Objects.requireNonNull(ledger, "ledger");
        if (aCase instanceof GrantCase grant) {
            try (GrantLedger.Reservation room = ledger.reserve(grant)) {
                Optional<Decision> recorded = room.recorded();
                if (recorded.isPresent()) {
                    room.commit(recorded.get());
                    return recorded.get();
                }
                PriorGrants prior = new PriorGrants(grant.caseId(),
                        room.employeeGranted().add(grant.alreadyGranted().employee()),
                        room.employerGranted().add(grant.alreadyGranted().employer()));
                Decision decision = decide(GRANTS, grant, List.of(prior));
                room.commit(decision);
                return decision;
            }
        }
        return decide(kindOf(aCase), aCase, List.of());
    }

    /**
     * The parameter periods a case's decision reads (one per period its dates fall in): what an audit
     * log records beside the decision. Throws {@link InvalidCaseException} as {@link #evaluate(Case)}.
     */
    public List<ParameterSet> parametersFor(Case aCase) {
        return kindOf(aCase).facts(aCase, parameters).stream()
                .filter(ParameterSet.class::isInstance).map(ParameterSet.class::cast).toList();
    }

    /**
     * Decides many cases; the decisions come back in input order. Grant applications are taken in
     * {@link GrantCase#SUBMISSION_ORDER} (submittedOn, then caseId), each counting against the caps of
     * those after it, so the result does not depend on the order of the input.
     */
    public List<Decision> evaluateAll(List<? extends Case> cases) {
        return evaluateAll(cases, new InMemoryGrantLedger());
    }

    /** As {@link #evaluateAll(List)}, with the grants before this batch in {@code ledger}, which records this batch's grants. */
    public List<Decision> evaluateAll(List<? extends Case> cases, GrantLedger ledger) {
        Decision[] decisions = new Decision[cases.size()];
        for (int i : inBatchOrder(cases)) {
            decisions[i] = evaluate(cases.get(i), ledger);
        }
        return List.of(decisions);
    }

    /**
     * The positions of {@code cases} in the order a batch decides them: every other case first, in
     * input order, then the grant applications in {@link GrantCase#SUBMISSION_ORDER}.
     */
    public static List<Integer> inBatchOrder(List<?> cases) {
        List<Integer> others = new ArrayList<>();
        List<Integer> grants = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            (cases.get(i) instanceof GrantCase ? grants : others).add(i);
        }
        grants.sort(Comparator.comparing(i -> (GrantCase) cases.get(i), GrantCase.SUBMISSION_ORDER));
        others.addAll(grants);
        return others;
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

    @SuppressWarnings("unchecked")
    private static <C extends Case> CaseKind<C> kindOf(C aCase) {
        for (CaseKind<?> kind : KINDS) {
            if (kind.caseClass().isInstance(aCase)) {
                return (CaseKind<C>) kind;
            }
        }
        throw new IllegalArgumentException("no rules for case type " + aCase.getClass().getName());
    }

    private <C extends Case> Decision decide(CaseKind<C> kind, C aCase, List<Object> extraFacts) {
        List<Object> facts = new ArrayList<>(kind.facts(aCase, parameters));
        facts.addAll(extraFacts);
        StatelessKieSession session = kieBase.newStatelessKieSession();
        TreeSet<String> fired = new TreeSet<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        List<Command<?>> batch = List.of(
                commands.newInsertElements(facts),
                commands.newFireAllRules(),
                commands.newGetObjects("objects"));
        ExecutionResults results = session.execute(commands.newBatchExecution(batch));
        Facts inferred = new Facts((Collection<?>) results.getValue("objects"));

        List<Finding> findings = inferred.all(Reason.class, REASON_ORDER).stream()
                .filter(r -> r.caseId().equals(aCase.caseId()))
                .map(Messages::finding)
                .toList();
        Outcome outcome = outcomeOf(findings);
        Calculation calculation = kind.calculation(aCase, inferred);
        BigDecimal amount = outcome == Outcome.REJECTED ? BigDecimal.ZERO : kind.amount(aCase, calculation);
        return new Decision(aCase.caseId(), aCase.type(), outcome, amount.setScale(2, RoundingMode.UNNECESSARY),
                findings, calculation, List.copyOf(fired), rulesVersion);
    }

    /** Findings in a stable order: strongest first, then by rule, code and figures. */
    private static final Comparator<Reason> REASON_ORDER = Comparator
            .comparing(Reason::severity)
            .thenComparing(Reason::ruleId)
            .thenComparing(Reason::code)
            .thenComparing(r -> String.join("\u0000", r.args()));

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

        /** Parameters other than the shipped ones (e.g. {@link Parameters#load(java.nio.file.Path)}). */
        public Builder parameters(Parameters parameters) {
            this.parameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        public Forebygg build() {
            Parameters p = parameters == null ? Parameters.standard() : parameters;
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
            KieBase base = KieServices.get().getKieClasspathContainer(Forebygg.class.getClassLoader()).getKieBase(KBASE);
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
