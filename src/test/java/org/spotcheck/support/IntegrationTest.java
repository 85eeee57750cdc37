package org.spotcheck.support;

import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.spotcheck.dev.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a free HTTP port, against a real PostgreSQL and a real Kafka
 * broker started once per test JVM on free ports (so a dev instance may keep running).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected JdbcClient jdbc;
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedInfrastructure.jdbcUrl(SharedInfrastructure.postgres()));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.kafka.bootstrap-servers", SharedInfrastructure::kafkaBrokers);
    }

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    protected Api api() {
        return new Api(port);
    }

    protected int port() {
        return port;
    }

    protected static String kafkaBrokers() {
        return SharedInfrastructure.kafkaBrokers();
    }
}
