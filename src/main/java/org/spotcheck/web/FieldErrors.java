package org.spotcheck.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A field that could not be read from JSON, named as a problem's {@code errors} entry names it. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public record FieldError(String field, String message) {
    }

    /** The field at fault in a JSON reading failure, when the failure names one. */
    public static Optional<FieldError> of(Throwable cause) {
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return Optional.of(new FieldError(path(invalid), "must be one of " + allowed));
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return Optional.of(new FieldError(path(invalid), CleanTextModule.MESSAGE));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String type = mismatch.getTargetType() == null ? "another type" : mismatch.getTargetType().getSimpleName();
            return Optional.of(new FieldError(path(mismatch), "has the wrong type, expected " + type));
        }
        return Optional.empty();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
