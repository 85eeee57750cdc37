package org.spotcheck.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal of its own that an {@code /api} handler answers with, for the OpenAPI description:
 * the status, the problem's title and an example detail, shown as an {@code application/problem+json}
 * answer. The refusals every operation shares (400, 401, 403, 413, 415, 429, 503) are described
 * once, in {@link OpenApiConfig}; a handler names only its own (404, 409, a 403 of its own rule).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ApiProblem.List.class)
public @interface ApiProblem {

    int status();

    String title();

    /** An example detail; for a {@code 400} naming a {@link #field()}, that field's name and its message. */
    String detail();

    /** The bad field a {@code 400} names in its {@code errors} list, if any. */
    String field() default "";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ApiProblem[] value();
    }
}
