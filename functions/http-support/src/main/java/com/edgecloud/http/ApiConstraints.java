package com.edgecloud.http;

import com.edgecloud.billing.time.ApiTime;
import com.edgecloud.billing.time.TermDuration;
import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

/** The validators of this API's own constraints ({@link ApiDateTime}, {@link TermLength}). */
@Factory
public class ApiConstraints {

    @Singleton
    ConstraintValidator<ApiDateTime, String> apiDateTime() {
        return (value, annotation, context) -> value == null || parses(value);
    }

    @Singleton
    ConstraintValidator<TermLength, TermBody> termLength() {
        // unit or count missing is their own field's error; P1 judges only a whole duration
        return (value, annotation, context) -> value == null || value.unit() == null || value.count() == null
                || TermDuration.isValid(value.unit(), value.count());
    }

    private static boolean parses(String value) {
        try {
            ApiTime.parse(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
