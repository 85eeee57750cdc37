package org.spotcheck.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Both doors to tasks, engine-rest and the webapps' own engine API, get the
 * {@link TaskInputGuard} and the {@link TaskRecordsGuard}.
 */
@Configuration(proxyBeanMethods = false)
class TaskInputGuardConfig {

    @Bean
    FilterRegistrationBean<TaskInputGuard> taskInputGuard(ObjectMapper json, List<TaskInputRule> rules) {
        return onBothTaskDoors(new TaskInputGuard(json, rules));
    }

    @Bean
    FilterRegistrationBean<TaskRecordsGuard> taskRecordsGuard(ObjectMapper json) {
        return onBothTaskDoors(new TaskRecordsGuard(json));
    }

    private static <F extends Filter> FilterRegistrationBean<F> onBothTaskDoors(F guard) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(guard);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // last, so it runs once the caller is authenticated on the engine
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
