package org.spotcheck.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
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
    FilterRegistrationBean<TaskInputGuard> taskInputGuard(ObjectMapper json) {
        FilterRegistrationBean<TaskInputGuard> registration = new FilterRegistrationBean<>(new TaskInputGuard(json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // last, so it runs once the caller is authenticated on the engine
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TaskRecordsGuard> taskRecordsGuard(ObjectMapper json) {
        FilterRegistrationBean<TaskRecordsGuard> registration = new FilterRegistrationBean<>(new TaskRecordsGuard(json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        // last, so it runs once the caller is authenticated on the engine
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
