package org.spotcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * How the code is kept in shape: capabilities (cases, intake, purchase, ...) free of cycles,
 * the shared rooms (engine, security, web, db, messaging) knowing no capability, and domain
 * logic free of frameworks. A diagram of the packages is in docs/code-layout.md.
 */
@AnalyzeClasses(packages = "org.spotcheck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] CAPABILITIES = {"org.spotcheck.cases..", "org.spotcheck.enforcement..",
            "org.spotcheck.evidence..", "org.spotcheck.intake..", "org.spotcheck.network..", "org.spotcheck.purchase..",
            "org.spotcheck.referral..", "org.spotcheck.reporting..", "org.spotcheck.triage..",
            "org.spotcheck.verification.."};

    /** A cycle makes two capabilities one: neither can change, or be understood, without the other. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.spotcheck.(*)..")
            .should().beFreeOfCycles();

    /**
     * The engine's wiring, security, the web layer, database helpers and messaging serve every
     * capability and know none: a capability plugs in (a bean, an exception it extends), the
     * shared room never reaches into it.
     */
    @ArchTest
    static final ArchRule sharedRoomsKnowNoCapability = noClasses()
            .that().resideInAnyPackage("org.spotcheck.engine..", "org.spotcheck.security..", "org.spotcheck.web..",
                    "org.spotcheck.db..", "org.spotcheck.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES);

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
