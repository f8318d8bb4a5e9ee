package com.edgecloud.http;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** P1: a {@link TermBody} of 1-9 months or 1-3 years (ApiConstraints). */
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = {})
public @interface TermLength {

    String message() default "P1: 1-9 months or 1-3 years";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
