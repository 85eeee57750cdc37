package org.spotcheck.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.spotcheck.SpotcheckApplication;
import org.spotcheck.dev.EmbeddedInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A throw-away PostgreSQL, Kafka broker and spotcheck node for one benchmark run. */
final class BenchmarkApp implements AutoCloseable {

    final EmbeddedPostgres postgres;
    final EmbeddedKafkaKraftBroker kafka;
    final ConfigurableApplicationContext app;

    BenchmarkApp(String... extraArgs) {
        this(java.util.Map.of(), extraArgs);
    }

    /** @param postgresSettings server settings on top of the production-like ones */
    BenchmarkApp(java.util.Map<String, String> postgresSettings, String... extraArgs) {
        postgres = EmbeddedInfrastructure.benchmarkPostgres(postgresSettings);
        kafka = EmbeddedInfrastructure.kafka(0);
        String[] base = {"--server.port=0", "--spring.datasource.url=" + EmbeddedInfrastructure.jdbcUrl(postgres),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(), "--logging.level.root=warn"};
        String[] args = new String[base.length + extraArgs.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extraArgs, 0, args, base.length, extraArgs.length);
        app = SpringApplication.from(SpotcheckApplication::main).withAdditionalProfiles("test").run(args)
                .getApplicationContext();
    }

    @Override
    public void close() throws Exception {
        // a checkpoint now, while the pool is open: with large shared buffers the shutdown
        // checkpoint would outlast the few seconds io.zonky gives pg_ctl to stop
        app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).execute("checkpoint");
        app.close();
        kafka.destroy();
        postgres.close();
    }
}
