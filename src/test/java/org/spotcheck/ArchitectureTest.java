package org.spotcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.spotcheck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Domain logic stays plain Java: testable without a container, portable off Spring and Camunda. */
    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..",
                    "jakarta.persistence..", "jakarta.servlet..", "com.fasterxml.jackson..");

    /** Domain code leans on the JDK and other domain code only. */
    @ArchTest
    static final ArchRule domainDoesNotReachOutward = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("..domain..", "java..");
}
