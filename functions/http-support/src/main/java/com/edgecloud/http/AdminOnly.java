package com.edgecloud.http;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On a {@link Caller} parameter: the operation is an operator's (SPEC §9), so a caller without the
 * admin role gets 403 when the caller is bound, before the body is even read.
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
@Parameter(hidden = true)
public @interface AdminOnly {
}
