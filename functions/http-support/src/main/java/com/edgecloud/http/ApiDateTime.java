package com.edgecloud.http;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** T1: an instant as the API writes it, with an offset: {@code 2026-01-01T00:00:00+08:00} (ApiConstraints). */
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
public @interface ApiDateTime {

    String message() default "must be an ISO-8601 date-time with an offset, e.g. 2026-01-01T00:00:00+08:00";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
