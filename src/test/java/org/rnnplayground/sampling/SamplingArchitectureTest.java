package org.rnnplayground.sampling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sampling package is plain Java: no framework, no static mutable state. */
class SamplingArchitectureTest {

    private static final JavaClasses SAMPLING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rnnplayground.sampling");

    @Test
    void importsNeitherVaadinNorSpring() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.vaadin..", "org.springframework..")
                .check(SAMPLING);
    }

    @Test
    void hasNoStaticMutableFields() {
        fields().that().areStatic().should().beFinal().check(SAMPLING);
    }
}
