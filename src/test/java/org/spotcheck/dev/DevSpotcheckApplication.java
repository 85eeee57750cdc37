package org.spotcheck.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spotcheck.SpotcheckApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Dev mode: {@code mvn spring-boot:test-run}. Starts PostgreSQL (data in
 * {@code .dev-data/postgres}, kept across restarts) and a Kafka broker on
 * {@code localhost:9092}, then spotcheck on {@code localhost:8080} with the dev accounts.
 */
public final class DevSpotcheckApplication {

    private DevSpotcheckApplication() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(System.getProperty("spotcheck.dev.data", ".dev-data")).toAbsolutePath();
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedInfrastructure.persistentPostgres(data.resolve("postgres"));
        EmbeddedKafkaKraftBroker kafka = EmbeddedInfrastructure.kafka(
                Integer.getInteger("spotcheck.dev.kafka-port", 9092));
        System.out.printf("%nspotcheck dev: PostgreSQL %s (user postgres, data in %s), Kafka %s%n%n",
                EmbeddedInfrastructure.jdbcUrl(postgres), data.resolve("postgres"), kafka.getBrokersAsString());
        ConfigurableApplicationContext app;
        try {
            app = SpringApplication.from(SpotcheckApplication::main)
                    .withAdditionalProfiles("dev")
                    .run(concat(args,
                            "--spring.datasource.url=" + EmbeddedInfrastructure.jdbcUrl(postgres),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString()))
                    .getApplicationContext();
        } catch (RuntimeException e) {
            stop(kafka, postgres);
            throw e;
        }
        // the application first (it still writes to the database while closing), then its infrastructure
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stop(kafka, postgres);
        }, "dev-infrastructure-shutdown"));
    }

    private static void stop(EmbeddedKafkaKraftBroker kafka, EmbeddedPostgres postgres) {
        kafka.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = new String[more.length + args.length];
        System.arraycopy(more, 0, all, 0, more.length);
        // the developer's own arguments come last and win
        System.arraycopy(args, 0, all, more.length, args.length);
        return all;
    }
}
