package org.spotcheck.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spotcheck.dev.EmbeddedInfrastructure;
import org.spotcheck.support.Flags;
import org.spotcheck.support.KafkaClient;
import org.spotcheck.support.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker goes away while cases move and comes back: cases never fail, and every
 * event written meanwhile is delivered once it is back. A broker of its own, on a fixed
 * port so the restarted one has the same address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // an engine name of its own: closing this context must not unregister the other contexts' "default" engine
        properties = {"spring.kafka.listener.auto-startup=false", "camunda.bpm.process-engine-name=outage"})
@ActiveProfiles("test")
@Tag("own-context") // a Spring context of its own: its own JVM (pom.xml)
@DirtiesContext // its broker stops with the class: the context must not linger and keep dialling it
class BrokerOutageTest {

    private static final int PORT = freePort();
    private static EmbeddedKafkaKraftBroker broker = EmbeddedInfrastructure.kafka(PORT);

    @Autowired
    private TestRelay relay;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private org.spotcheck.intake.IntakeService intake;
    @Autowired
    private org.spotcheck.intake.FlagMapperAccess mapper;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedInfrastructure.jdbcUrl(SharedInfrastructure.postgres()));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + PORT);
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    private String newCase() {
        return mapper.receive(intake, Flags.decidedAs("TEST_BUY").toString());
    }

    private long unsent(List<String> cases) {
        return jdbc.sql("select count(*) from outbox_event where subject in (:c) and sent_at is null")
                .param("c", cases).query(Long.class).single();
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownAreAllDeliveredWhenItIsBack() {
        List<String> during = new ArrayList<>();
        broker.destroy();

        for (int i = 0; i < 5; i++) {
            during.add(newCase()); // cases go on: events wait in the outbox
        }
        relay.relay();
        assertThat(unsent(during)).isEqualTo(5L * 5);

        broker = EmbeddedInfrastructure.kafka(PORT);
        KafkaClient.await("the outbox to drain", () -> {
            relay.relay();
            return unsent(during) == 0;
        });

        // at least once: a send whose acknowledgement was lost is sent again, under the same event id
        List<String> written = jdbc.sql("select event_id::text from outbox_event where subject in (:c)")
                .param("c", during).query(String.class).list();
        List<ConsumerRecord<String, String>> events = KafkaClient.read("localhost:" + PORT, Topics.CASE_EVENTS,
                r -> during.contains(r.key()), 25);
        assertThat(events.stream().map(e -> eventId(e.value())).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(written);
        for (String caseNumber : during) {
            assertThat(events.stream().filter(e -> caseNumber.equals(e.key())).findFirst().orElseThrow().value())
                    .contains("spotcheck.case.flagged");
        }
    }

    private static String eventId(String cloudEvent) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(cloudEvent).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
