package org.spotcheck.referral;

import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.spotcheck.messaging.DeadLetters;
import org.spotcheck.messaging.InboundJson;
import org.spotcheck.messaging.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code spotcheck.enforcement-outcomes}: outcome reports as in {@code POST /api/referrals/{id}/outcomes}, plus {@code referralId}. */
@Component
class EnforcementOutcomeListener {

    private final ReferralService referrals;
    private final InboundJson inbound;
    private final DeadLetters deadLetters;

    EnforcementOutcomeListener(ReferralService referrals, InboundJson inbound, DeadLetters deadLetters) {
        this.referrals = referrals;
        this.inbound = inbound;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(topics = Topics.ENFORCEMENT_OUTCOMES)
    void outcome(ConsumerRecord<String, byte[]> record) {
        deadLetters.handle(record, value -> {
            Message message = inbound.read(value, Message.class, "outcome");
            inbound.check(message.report(), "outcome"); // the report as REST checks it
            // without a report id, the message's own identity (topic, partition, offset) makes a redelivery count once
            String reportId = message.reportId() != null && !message.reportId().isBlank() ? message.reportId()
                    : UUID.nameUUIDFromBytes((record.topic() + "/" + record.partition() + "/" + record.offset())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            ReferralService.OutcomeAnswer answer = referrals.recordOutcome(message.referralId(),
                    new ReferralService.Outcome(reportId, message.arrests(), message.sitesClosed(),
                            message.seizedValueCny(), message.closed()), "kafka");
            switch (answer) {
                case UNKNOWN -> throw new DeadLetters.RejectedMessage("unknown referral " + message.referralId());
                case NOT_WAITING -> throw new DeadLetters.RejectedMessage(
                        "referral " + message.referralId() + " is not open for outcomes");
                default -> { }
            }
        });
    }

    record Message(@NotBlank String referralId, String reportId, Integer arrests, Integer sitesClosed,
                   java.math.BigDecimal seizedValueCny, Boolean closed) {

        ReferralController.OutcomeReport report() {
            return new ReferralController.OutcomeReport(reportId, arrests, sitesClosed, seizedValueCny, closed);
        }
    }
}
