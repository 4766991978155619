package org.rnnplayground;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture of STYLE.md, stated as rules that fail the build when broken. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rnnplayground");
    }

    @Test
    void mathCoreUsesNeitherVaadinNorSpring() {
        noClasses()
                .that()
                .resideInAnyPackage("..text", "..sampling", "..model", "..model.concise", "..sequence", "..inside")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.vaadin..", "org.springframework..")
                .because("the book's math is unit-tested without a server")
                .check(classes);
    }

    @Test
    void theComputeBudgetUsesNeitherVaadinNorSpringBesidesItsProperties() {
        noClasses()
                .that()
                .resideInAPackage("..model.budget")
                .and()
                .haveSimpleNameNotEndingWith("Properties")
                .and()
                .haveSimpleNameNotEndingWith("Configuration")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.vaadin..", "org.springframework..")
                .because("the budget's checks are unit-tested without a server")
                .check(classes);
    }

    @Test
    void mathCoreDoesNotReachIntoTheWebLayer() {
        noClasses()
                .that()
                .resideInAnyPackage("..text", "..sampling", "..model", "..model.concise", "..inside")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..ui..", "..training..", "..admin..", "..corpus..")
                .check(classes);
    }

    @Test
    void sharedUiDoesNotDependOnFeatures() {
        noClasses()
                .that()
                .resideInAPackage("org.rnnplayground.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.rnnplayground.text..",
                        "org.rnnplayground.sampling..",
                        "org.rnnplayground.model..",
                        "org.rnnplayground.training..",
                        "org.rnnplayground.sequence..",
                        "org.rnnplayground.admin..")
                .check(classes);
    }

    @Test
    void mathCoreHasNoStaticMutableState() {
        fields().that()
                .areStatic()
                .and()
                .areDeclaredInClassesThat()
                .resideInAnyPackage("..text", "..sampling", "..model", "..model.concise", "..sequence", "..inside")
                .should()
                .beFinal()
                .because("randomness comes from a seed the user sets, not from hidden global state")
                .check(classes);
    }

    @Test
    void noCyclesBetweenFeatures() {
        slices().matching("org.rnnplayground.(*)..").should().beFreeOfCycles().check(classes);
    }
}
