package se.forebygg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The design, as tests: what a host sees, which package may use which, and no cycles. */
class ArchitectureTest {
    private static final JavaClasses FOREBYGG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.forebygg");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("se.forebygg.(**)").should().beFreeOfCycles().check(FOREBYGG);
    }
}
