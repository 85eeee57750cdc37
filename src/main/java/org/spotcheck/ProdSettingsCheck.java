package org.spotcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Prod mode (no {@code dev} or {@code test} profile) refuses to start while a required
 * setting is missing, and says which environment variable to set, instead of failing
 * later with a connection error.
 */
public class ProdSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    /** property → environment variable that sets it (application.yaml). */
    private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("spring.datasource.url", "SPOTCHECK_DB_URL");
        REQUIRED.put("spring.datasource.username", "SPOTCHECK_DB_USER");
        REQUIRED.put("spring.datasource.password", "SPOTCHECK_DB_PASSWORD");
        REQUIRED.put("spring.kafka.bootstrap-servers", "SPOTCHECK_KAFKA_BOOTSTRAP_SERVERS");
        REQUIRED.put("camunda.bpm.admin-user.id", "SPOTCHECK_ADMIN_USER");
        REQUIRED.put("camunda.bpm.admin-user.password", "SPOTCHECK_ADMIN_PASSWORD");
    }

    /** The environment variables prod mode cannot start without. */
    static java.util.Collection<String> requiredVariables() {
        return REQUIRED.values();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> profiles = Arrays.asList(environment.getActiveProfiles());
        if (profiles.contains("dev") || profiles.contains("test")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        REQUIRED.forEach((property, variable) -> {
            String value = environment.getProperty(property);
            if (value == null || value.isBlank()) {
                problems.add(variable + " is not set (" + property + ")");
            }
        });
        String password = environment.getProperty("camunda.bpm.admin-user.password");
        if (password != null && !password.isBlank() && password.length() < MIN_ADMIN_PASSWORD_LENGTH) {
            problems.add("SPOTCHECK_ADMIN_PASSWORD is shorter than " + MIN_ADMIN_PASSWORD_LENGTH + " characters");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("spotcheck cannot start in prod mode: " + String.join("; ", problems)
                    + ". Set these environment variables, or run dev mode with `mvn spring-boot:test-run`.");
        }
    }

    @Override
    public int getOrder() {
        // after the config files and profiles are loaded
        return Ordered.LOWEST_PRECEDENCE;
    }
}
