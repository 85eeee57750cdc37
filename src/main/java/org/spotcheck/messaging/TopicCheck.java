package org.spotcheck.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether the cluster lacks a topic. A producer that finds no metadata for a topic cannot
 * tell a topic that does not exist (auto-creation off) from a cluster out of reach; asking
 * the cluster can: only an answer "unknown topic" makes an outbox event's failure its own.
 */
@Component
class TopicCheck implements DisposableBean {

    private final Map<String, Object> config;
    private final Duration timeout;
    private Admin admin;

    @Autowired
    TopicCheck(KafkaAdmin kafkaAdmin) {
        this(kafkaAdmin.getConfigurationProperties(), Duration.ofSeconds(5));
    }

    TopicCheck(Map<String, Object> adminConfig, Duration timeout) {
        this.config = new HashMap<>(adminConfig);
        this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.timeout = timeout;
    }

    /** True only when the cluster answers that it has no such topic; false when it has it or does not answer. */
    boolean isUnknown(String topic) {
        try {
            admin().describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            return false;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
