package org.spotcheck.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.spotcheck.messaging.DeadLetters;
import org.spotcheck.messaging.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code spotcheck.enforcement-outcomes}: outcome reports as in {@code POST /api/referrals/{id}/outcomes}, plus {@code referralId}. */
@Component
class EnforcementOutcomeListener {


    private final ReferralService referrals;
    private final ObjectMapper json;
    private final Validator validator;
    private final DeadLetters deadLetters;

    EnforcementOutcomeListener(ReferralService referrals, ObjectMapper json, Validator validator, DeadLetters deadLetters) {
        this.referrals = referrals;
        this.json = json;
        this.validator = validator;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(topics = Topics.ENFORCEMENT_OUTCOMES)
    void outcome(ConsumerRecord<String, byte[]> record) {
        deadLetters.handle(record, value -> {
            Message message;
            try {
                message = json.readValue(value, Message.class);
            } catch (Exception e) {
                throw new DeadLetters.RejectedMessage("not a valid outcome JSON");
            }
            Set<ConstraintViolation<ReferralController.OutcomeReport>> violations = validator.validate(message.report());
            if (message.referralId() == null || message.referralId().isBlank()) {
                throw new DeadLetters.RejectedMessage("referralId is required");
            }
            if (!violations.isEmpty()) {
                throw new DeadLetters.RejectedMessage("invalid outcome: " + violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
            }
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

    record Message(String referralId, String reportId, Integer arrests, Integer sitesClosed,
                   java.math.BigDecimal seizedValueCny, Boolean closed) {

        ReferralController.OutcomeReport report() {
            return new ReferralController.OutcomeReport(reportId, arrests, sitesClosed, seizedValueCny, closed);
        }
    }
}
