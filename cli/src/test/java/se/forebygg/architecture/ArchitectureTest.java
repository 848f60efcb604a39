package se.forebygg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The design, as tests over the classes of every module (all are on this module's class path): what a
 * host sees, who may look at a benefit's case class, and no package depending on itself through another.
 */
class ArchitectureTest {
    /** Java the Drools executable model generates from the DRL at build time: not ours to shape. */
    private static final Pattern GENERATED = Pattern.compile(
            ".*/se/forebygg/rules/[a-z]+/(P[0-9A-F]{2}/|DomainClassesMetadata|Rules[0-9a-fA-F]).*");
    private static final JavaClasses FOREBYGG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.matches(GENERATED))
            .importPackages("se.forebygg");

    private static final String REFERENCE = "se.forebygg.reference";
    /** rules-core's packages that a host builds on. */
    private static final Set<String> API = Set.of("se.forebygg", "se.forebygg.engine", "se.forebygg.grant",
            "se.forebygg.preventive", "se.forebygg.provider", "se.forebygg.identity", "se.forebygg.json",
            "se.forebygg.explain", "se.forebygg.parameters", "se.forebygg.authoring", "se.forebygg.scenario",
            "se.forebygg.ledger", "se.forebygg.ledger.jdbc");
    /** Our own hosts of the API: every module but rules-core and rules-drl. */
    private static final String[] HOSTS = {"se.forebygg.cli..", "se.forebygg.http..", "se.forebygg.audit..",
            "se.forebygg.simulate..", "se.forebygg.examples..", "se.forebygg.testkit..", "se.forebygg.reference..",
            "se.forebygg.ledger.jdbc..", "se.forebygg.benchmarks.."};
    /** What no public signature of the API may show: the rule engine, and our own non-API packages. */
    private static final List<String> HIDDEN = List.of("org.kie.", "org.drools.", "se.forebygg.internal.",
            "se.forebygg.spi.", "se.forebygg.rules.");
    /**
     * Each benefit's case class, and the packages that may ask whether a case is one. The reference
     * evaluator (testkit) restates every benefit's law in plain Java, apart from the rules, and so may.
     */
    private static final List<List<String>> BENEFITS = List.of(
            List.of("se.forebygg.grant.GrantCase", "se.forebygg.grant", "se.forebygg.rules.grant", REFERENCE),
            List.of("se.forebygg.preventive.PreventiveCase", "se.forebygg.preventive", "se.forebygg.rules.preventive", REFERENCE),
            List.of("se.forebygg.provider.ProviderApprovalCase", "se.forebygg.provider", "se.forebygg.rules.provider", REFERENCE));

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("se.forebygg.(**)").should().beFreeOfCycles().check(FOREBYGG);
    }

    @Test
    void noPublicSignatureOfTheApiShowsDroolsOrANonApiType() {
        classes().that(inApi()).and().arePublic().should(showOnly("public signatures")).check(FOREBYGG);
    }

    @Test
    void hostsUseTheApiOnly() {
        noClasses().that().resideInAnyPackage(HOSTS)
                .should().dependOnClassesThat().resideInAnyPackage("se.forebygg.internal..", "se.forebygg.spi..",
                        "se.forebygg.rules..")
                .because("the command line, the HTTP service, the ledgers, the testkit and the examples are hosts like any other")
                .check(FOREBYGG);
    }

    @Test
    void onlyABenefitsOwnPackagesAskWhetherACaseIsOneOfItsCases() {
        for (List<String> benefit : BENEFITS) {
            JavaClass caseClass = FOREBYGG.get(benefit.get(0));
            caseClass.getInstanceofChecksWithTypeOfSelf().forEach(check -> {
                String where = check.getOwner().getOwner().getPackageName();
                if (!benefit.subList(1, benefit.size()).contains(where)) {
                    throw new AssertionError(check.getSourceCodeLocation() + ": only " + benefit.subList(1, benefit.size())
                            + " may branch on " + caseClass.getSimpleName() + "; ask the case or the Benefit seam");
                }
            });
        }
    }

    private static DescribedPredicate<JavaClass> inApi() {
        return DescribedPredicate.describe("are in an API package", c -> API.contains(c.getPackageName()));
    }

    private static ArchCondition<JavaClass> showOnly(String what) {
        return new ArchCondition<>("show neither Drools nor a non-API type in " + what) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaCodeUnit unit : c.getCodeUnits()) {
                    if (!unit.getModifiers().contains(JavaModifier.PUBLIC) && !unit.getModifiers().contains(JavaModifier.PROTECTED)) {
                        continue;
                    }
                    for (JavaType t : unit.getParameterTypes()) {
                        report(events, c, unit.getFullName(), t);
                    }
                    report(events, c, unit.getFullName(), unit.getReturnType());
                }
                for (JavaField f : c.getFields()) {
                    if (f.getModifiers().contains(JavaModifier.PUBLIC)) {
                        report(events, c, f.getFullName(), f.getType());
                    }
                }
            }
        };
    }

    private static void report(ConditionEvents events, JavaClass owner, String member, JavaType type) {
        for (JavaClass shown : type.getAllInvolvedRawTypes()) {
            String name = shown.getName();
            if (HIDDEN.stream().anyMatch(name::startsWith)) {
                events.add(SimpleConditionEvent.violated(owner, member + " shows " + name));
            }
        }
    }
}
