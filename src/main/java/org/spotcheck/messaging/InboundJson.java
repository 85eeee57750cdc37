package org.spotcheck.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * One way to read what arrives on a topic: the message as JSON into a record, with the
 * application's (strict) JSON settings, checked by the record's Bean Validation constraints,
 * as REST checks its bodies. Anything else is a {@link DeadLetters.RejectedMessage} whose
 * reason names every bad field, sorted.
 */
@Component
public class InboundJson {

    private final ObjectMapper json;
    private final Validator validator;

    InboundJson(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** @param what how the reason names the message, e.g. "flag" */
    public <T> T read(String value, Class<T> type, String what) {
        T message;
        try {
            message = json.readValue(value, type);
        } catch (Exception e) {
            throw new DeadLetters.RejectedMessage("not a valid " + what + " JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (message == null) {
            throw new DeadLetters.RejectedMessage("empty message");
        }
        return check(message, what);
    }

    /** The constraints of {@code message} (or a part of it), as {@link #read} checks them. */
    public <T> T check(T message, String what) {
        Set<ConstraintViolation<T>> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            throw new DeadLetters.RejectedMessage("invalid " + what + ": " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return message;
    }
}
