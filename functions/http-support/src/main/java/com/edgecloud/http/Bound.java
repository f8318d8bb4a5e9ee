package com.edgecloud.http;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A parameter the API document does not show as the code binds it: the {@link Caller} (from the
 * bearer token, never sent) or a header the operation documents itself (the Idempotency-Key, required in its @Operation).
 */
@Retention(RUNTIME)
@Target(PARAMETER)
@Parameter(hidden = true)
public @interface Bound {
}
