package org.spotcheck.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.spotcheck.dev.EmbeddedInfrastructure;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One PostgreSQL and one Kafka broker for the whole test JVM, on free ports, started on first use. */
public final class SharedInfrastructure {

    private SharedInfrastructure() {
    }

    public static EmbeddedPostgres postgres() {
        return Holder.POSTGRES;
    }

    public static String kafkaBrokers() {
        return Holder.KAFKA.getBrokersAsString();
    }

    private static final class Holder {
        static final EmbeddedPostgres POSTGRES = EmbeddedInfrastructure.temporaryPostgres();
        static final EmbeddedKafkaKraftBroker KAFKA = EmbeddedInfrastructure.kafka(0);
    }
}
