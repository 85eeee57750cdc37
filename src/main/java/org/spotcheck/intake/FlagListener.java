package org.spotcheck.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.spotcheck.messaging.DeadLetters;
import org.spotcheck.messaging.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * {@code spotcheck.flags}: the same intake as {@code POST /api/cases} (validation,
 * idempotency by flag id, merge by listing), consumed in batches. A redelivered flag
 * changes nothing; an invalid one goes to the DLT with the reason.
 */
@Component
class FlagListener {

    static final String ACTOR = "kafka";

    private final IntakeService intake;
    private final FlagMapper mapper;
    private final ObjectMapper json;
    private final Validator validator;
    private final DeadLetters deadLetters;

    FlagListener(IntakeService intake, FlagMapper mapper, ObjectMapper json, Validator validator,
                 DeadLetters deadLetters) {
        this.intake = intake;
        this.mapper = mapper;
        this.json = json;
        this.validator = validator;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(topics = Topics.FLAGS, batch = "true")
    void flags(List<ConsumerRecord<String, String>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                deadLetters.handle(record, () -> intake.receive(mapper.toNewFlag(parse(record.value())), ACTOR));
            } catch (RuntimeException transientFailure) {
                // everything before this record is done; the container retries from here
                throw new BatchListenerFailedException("flag intake failed", transientFailure, i);
            }
        }
    }

    private FlagRequest parse(String value) {
        FlagRequest flag;
        try {
            flag = json.readValue(value, FlagRequest.class);
        } catch (Exception e) {
            throw new DeadLetters.RejectedMessage("not a valid flag JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (flag == null) {
            throw new DeadLetters.RejectedMessage("empty message");
        }
        Set<ConstraintViolation<FlagRequest>> violations = validator.validate(flag);
        if (!violations.isEmpty()) {
            throw new DeadLetters.RejectedMessage("invalid flag: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return flag;
    }
}
