package org.spotcheck.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What reaches the container (transient failures only, see {@link DeadLetters}) is retried
 * with back-off, for {@code spotcheck.kafka.retry.max-elapsed} at most, then parked in the
 * DLT with an alert: a database that stays away must not stall a partition for ever.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfig {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetters deadLetters, Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
        return new DefaultErrorHandler((record, failure) -> deadLetters.park(record, failure, retry.maxElapsed()),
                backOff);
    }

    /** {@code spotcheck.kafka.retry.*}: back-off from the initial interval, doubling up to the maximum, for at most max-elapsed. */
    @ConfigurationProperties("spotcheck.kafka.retry")
    record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("30s") Duration maxInterval,
                 @DefaultValue("15m") Duration maxElapsed) {
    }
}
