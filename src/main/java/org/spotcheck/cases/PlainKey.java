package org.spotcheck.cases;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A key a case is looked up by (case number, flag, listing or seller id): at most
 * {@link #max()} characters and no control characters, which no key has a use for and
 * PostgreSQL cannot take (NUL).
 */
@Size
@Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainKey {

    @OverridesAttribute(constraint = Size.class, name = "max")
    int max() default 100;

    String message() default "must be a plain key";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
