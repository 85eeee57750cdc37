package org.spotcheck.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Outbound topics, created at start-up when missing (partitions bound consumer parallelism). */
@Configuration(proxyBeanMethods = false)
class TopicConfig {

    @Bean
    KafkaAdmin.NewTopics spotcheckTopics(@Value("${spotcheck.kafka.partitions:6}") int partitions,
                                         @Value("${spotcheck.kafka.replicas:1}") int replicas) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.CASE_EVENTS, partitions, replicas),
                topic(Topics.PLATFORM_COMMANDS, partitions, replicas),
                topic(Topics.VERIFICATION_REQUESTS, partitions, replicas),
                topic(Topics.FLAG_DECISIONS, partitions, replicas),
                topic(Topics.FLAGS, partitions, replicas),
                topic(Topics.FLAGS + ".DLT", 1, replicas),
                topic(Topics.VERIFICATION_RESULTS, partitions, replicas),
                topic(Topics.VERIFICATION_RESULTS + ".DLT", 1, replicas),
                topic(Topics.ENFORCEMENT_OUTCOMES, partitions, replicas),
                topic(Topics.ENFORCEMENT_OUTCOMES + ".DLT", 1, replicas));
    }

    private static NewTopic topic(String name, int partitions, int replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }
}
