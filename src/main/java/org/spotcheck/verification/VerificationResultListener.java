package org.spotcheck.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.spotcheck.cases.CaseNotFoundException;
import org.spotcheck.cases.Verdict;
import org.spotcheck.messaging.DeadLetters;
import org.spotcheck.messaging.InboundJson;
import org.spotcheck.messaging.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code spotcheck.verification-results}: verdicts as in {@code POST /api/cases/{n}/verification},
 * with the same rule as data: {@code verifierId} must be the verifier the case was routed to.
 */
@Component
class VerificationResultListener {

    private final VerificationService verification;
    private final InboundJson inbound;
    private final DeadLetters deadLetters;

    VerificationResultListener(VerificationService verification, InboundJson inbound, DeadLetters deadLetters) {
        this.verification = verification;
        this.inbound = inbound;
        this.deadLetters = deadLetters;
    }

    /** The message: the REST body's fields, with the verifier and the case it answers. */
    record Result(@NotBlank @Size(max = 30) String caseNumber, @NotBlank @Size(max = 100) String verifierId,
                  @NotNull Verdict verdict, @NotBlank @Size(max = 200) String reportReference,
                  @Size(max = 4000) String notes, @Positive Integer round) {
    }

    @KafkaListener(topics = Topics.VERIFICATION_RESULTS)
    void result(ConsumerRecord<String, byte[]> record) {
        deadLetters.handle(record, value -> {
            Result result = inbound.read(value, Result.class, "verification result");
            String caseNumber = result.caseNumber().trim();
            String verifier = result.verifierId().trim();
            VerificationService.Answer answer;
            try {
                answer = verification.submit(caseNumber, verifier, result.verdict(), result.reportReference().trim(),
                        result.notes(), result.round());
            } catch (CaseNotFoundException e) {
                throw new DeadLetters.RejectedMessage("unknown case " + caseNumber);
            }
            switch (answer) {
                case NOT_YOURS -> throw new DeadLetters.RejectedMessage(
                        "case " + caseNumber + " is not routed to verifier " + verifier);
                case NOT_WAITING -> throw new DeadLetters.RejectedMessage(
                        "case " + caseNumber + " is not waiting for a verdict");
                case SUPERSEDED -> throw new DeadLetters.RejectedMessage(
                        "case " + caseNumber + " was re-routed: the verdict's round is closed");
                default -> { } // accepted now, or accepted before: a redelivery changes nothing
            }
        });
    }
}
