package org.spotcheck.support.paths;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A test of every path through one diagram, on an in-memory engine (H2) with the
 * application's delegates mocked: each test drives a path with the variables the
 * delegates would set and asserts the elements it passes, in milliseconds. The real
 * delegates are tested against PostgreSQL and Kafka elsewhere. Runs in a JVM of its own
 * (surefire execution {@code diagram-paths}): Camunda's static engine registry holds one
 * engine per JVM for camunda-bpm-assert. Process coverage of these tests is written to
 * {@code target/process-test-coverage/}.
 */
@Tag("diagram-path")
public abstract class DiagramPathTest {

    /**
     * One engine for all diagram tests; coverage is collected per test class and for the whole
     * run. A class must take every element and sequence flow of the diagrams it deploys: a path
     * added to a diagram without a test of its own fails the build.
     */
    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.Companion
            .builder(configuration()).assertClassCoverageAtLeast(1.0).build();

    protected ProcessEngine engine;
    protected Delegates delegates;

    private static ProcessEngineConfigurationImpl configuration() {
        ProcessCoverageInMemProcessEngineConfiguration configuration = new ProcessCoverageInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("diagram-paths");
        configuration.setJdbcUrl("jdbc:h2:mem:diagram-paths;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        // delegate expressions such as ${takeDownListing} resolve to the mocks each test registers
        configuration.setExpressionManager(new MockExpressionManager());
        return configuration;
    }

    @BeforeEach
    void startPath(ProcessEngine engine) {
        this.engine = engine;
        init(engine);
        delegates = Delegates.registerAll();
    }

    @AfterEach
    void forgetMocks() {
        Mocks.reset();
    }
}
