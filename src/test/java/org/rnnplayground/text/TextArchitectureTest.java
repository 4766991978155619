package org.rnnplayground.text;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The text package reads like the book: no web framework in it. */
@AnalyzeClasses(packages = "org.rnnplayground.text", importOptions = ImportOption.DoNotIncludeTests.class)
class TextArchitectureTest {

    @ArchTest
    static final ArchRule noVaadinOrSpring = noClasses()
            .that()
            .resideInAPackage("org.rnnplayground.text..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.vaadin..", "org.springframework..", "jakarta.servlet..");
}
