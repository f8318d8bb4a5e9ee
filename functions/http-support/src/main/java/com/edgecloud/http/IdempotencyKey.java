package com.edgecloud.http;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On an operation that moves money, changes an instance or grants something: the API document shows
 * its Idempotency-Key header required (SPEC §9). The header parameter itself is {@link Bound} and
 * nullable, so that a missing key is this API's 400 naming the header (IdempotentRequests.requireKey).
 */
@Retention(RUNTIME)
@Target(METHOD)
@Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
        description = "A key of your choosing (e.g. a UUID): a retry with the same key and body answers the first answer",
        schema = @Schema(type = "string", minLength = 1, maxLength = 128, pattern = "^[\\x21-\\x7E]{1,128}$"))
public @interface IdempotencyKey {
}
