package com.edgecloud.http;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A list's {@code ?limit=} as the API document shows it: 1-100, default 20 (PageRequest, SPEC §11). */
@Retention(RUNTIME)
@Target(PARAMETER)
@Parameter(name = "limit", in = ParameterIn.QUERY, description = "Items per page",
        schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
public @interface PageLimit {
}
