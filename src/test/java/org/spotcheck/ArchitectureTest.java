package org.spotcheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.spotcheck.db.ArraySql;
import org.spotcheck.db.LockTimeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the code is kept in shape: capabilities (cases, intake, purchase, ...) free of cycles,
 * the shared rooms (engine, security, web, db, messaging, metrics) knowing no capability, domain
 * logic free of frameworks, and each capability's SQL behind a package-private store. A
 * diagram of the packages is in docs/code-layout.md.
 */
@AnalyzeClasses(packages = "org.spotcheck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] CAPABILITIES = {"org.spotcheck.appeal..", "org.spotcheck.cases..", "org.spotcheck.enforcement..",
            "org.spotcheck.evidence..", "org.spotcheck.intake..", "org.spotcheck.network..", "org.spotcheck.purchase..",
            "org.spotcheck.referral..", "org.spotcheck.reporting..", "org.spotcheck.standing..",
            "org.spotcheck.triage..", "org.spotcheck.verification.."};

    /** The capabilities that own tables (TableOwnershipTest): {@link #CAPABILITIES} and {@code listing}. */
    static final String[] TABLE_OWNERS = {"org.spotcheck.appeal..", "org.spotcheck.cases..", "org.spotcheck.enforcement..",
            "org.spotcheck.evidence..", "org.spotcheck.intake..", "org.spotcheck.listing..", "org.spotcheck.network..",
            "org.spotcheck.purchase..", "org.spotcheck.referral..", "org.spotcheck.reporting..",
            "org.spotcheck.standing..", "org.spotcheck.triage..", "org.spotcheck.verification.."};

    /** A cycle makes two capabilities one: neither can change, or be understood, without the other. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.spotcheck.(*)..")
            .should().beFreeOfCycles();

    /**
     * The engine's wiring, security, the web layer, database helpers, messaging and the metrics'
     * cache serve every capability and know none: a capability plugs in (a bean, an exception it
     * extends, cached gauges), the shared room never reaches into it.
     */
    @ArchTest
    static final ArchRule sharedRoomsKnowNoCapability = noClasses()
            .that().resideInAnyPackage("org.spotcheck.engine..", "org.spotcheck.security..", "org.spotcheck.web..",
                    "org.spotcheck.db..", "org.spotcheck.messaging..", "org.spotcheck.metrics..")
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

    /**
     * A capability's tables are reached through its public API, never its SQL: what holds a
     * connection (JdbcTemplate, JdbcClient, the array and lock-timeout helpers) is package-private:
     * a store, as {@code listing.ListingStore} behind {@code listing.Listings}, or a projection.
     */
    @ArchTest
    static final ArchRule sqlStaysInPackagePrivateStores = noClasses()
            .that().resideInAnyPackage(TABLE_OWNERS).and().arePublic()
            .should().dependOnClassesThat().belongToAnyOf(JdbcTemplate.class, JdbcClient.class,
                    NamedParameterJdbcTemplate.class, ArraySql.class, LockTimeout.class);
}
