package org.spotcheck.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.spotcheck.cases.CaseNotFoundException;
import org.spotcheck.cases.Verdict;
import org.spotcheck.messaging.DeadLetters;
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
    private final ObjectMapper json;
    private final DeadLetters deadLetters;

    VerificationResultListener(VerificationService verification, ObjectMapper json, DeadLetters deadLetters) {
        this.verification = verification;
        this.json = json;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(topics = Topics.VERIFICATION_RESULTS)
    void result(ConsumerRecord<String, byte[]> record) {
        deadLetters.handle(record, value -> {
            JsonNode result = parse(value);
            String caseNumber = text(result, "caseNumber", 30);
            String verifier = text(result, "verifierId", 100);
            String verdictText = text(result, "verdict", 20);
            String report = text(result, "reportReference", 200);
            Verdict verdict = java.util.Arrays.stream(Verdict.values()).filter(v -> v.name().equals(verdictText))
                    .findFirst().orElseThrow(() -> new DeadLetters.RejectedMessage("verdict must be one of "
                            + java.util.Arrays.toString(Verdict.values())));
            JsonNode notes = result.get("notes");
            if (notes != null && !notes.isNull() && (!notes.isTextual() || notes.asText().length() > 4000)) {
                throw new DeadLetters.RejectedMessage("notes must be text of at most 4000 characters");
            }
            JsonNode round = result.get("round");
            if (round != null && !round.isNull() && (!round.canConvertToInt() || !round.isIntegralNumber()
                    || round.asInt() < 1)) {
                throw new DeadLetters.RejectedMessage("round must be a positive whole number");
            }
            VerificationService.Answer answer;
            try {
                answer = verification.submit(caseNumber, verifier, verdict, report,
                        notes == null || notes.isNull() ? null : notes.asText(),
                        round == null || round.isNull() ? null : round.asInt());
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

    private JsonNode parse(String value) {
        try {
            JsonNode node = json.readTree(value);
            if (node == null || !node.isObject()) {
                throw new DeadLetters.RejectedMessage("not a JSON object");
            }
            return node;
        } catch (DeadLetters.RejectedMessage e) {
            throw e;
        } catch (Exception e) {
            throw new DeadLetters.RejectedMessage("not valid JSON");
        }
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            throw new DeadLetters.RejectedMessage(field + " is required (text, at most " + max + " characters)");
        }
        return value.asText().trim();
    }
}
