package org.spotcheck.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.spotcheck.intake.domain.NewFlag;
import org.spotcheck.messaging.DeadLetters;
import org.spotcheck.messaging.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * {@code spotcheck.flags}: the same intake as {@code POST /api/cases} (validation,
 * idempotency by flag id, merge by listing), a whole poll of flags in one transaction.
 * A redelivered flag changes nothing; an invalid one goes to the DLT with the reason.
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
        List<ConsumerRecord<String, String>> accepted = new ArrayList<>(records.size());
        List<NewFlag> flags = new ArrayList<>(records.size());
        Map<ConsumerRecord<String, String>, String> poison = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                flags.add(mapper.toNewFlag(parse(record.value())));
                accepted.add(record);
            } catch (DeadLetters.RejectedMessage e) {
                poison.put(record, e.getMessage());
            }
        }
        if (!flags.isEmpty()) {
            try {
                intake.receiveAll(flags, ACTOR); // the whole batch in one transaction
            } catch (RuntimeException e) {
                if (DeadLetters.isTransient(e)) {
                    // nothing of the batch was stored: the container retries all of it, backing off
                    throw new BatchListenerFailedException("flag intake failed", e, 0);
                }
                oneByOne(records, accepted, flags, poison);
                return;
            }
        }
        // after the batch is stored: a retried batch has not dead-lettered anything yet
        poison.forEach((record, reason) -> deadLetters.handle(record, () -> {
            throw new DeadLetters.RejectedMessage(reason);
        }));
    }

    /** A batch that failed for one of its flags: record by record, so only the one at fault is dead-lettered. */
    private void oneByOne(List<ConsumerRecord<String, String>> records, List<ConsumerRecord<String, String>> accepted,
                          List<NewFlag> flags, Map<ConsumerRecord<String, String>, String> poison) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            String reason = poison.get(record);
            int flag = accepted.indexOf(record);
            try {
                deadLetters.handle(record, () -> {
                    if (reason != null) {
                        throw new DeadLetters.RejectedMessage(reason);
                    }
                    intake.receive(flags.get(flag), ACTOR);
                });
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
