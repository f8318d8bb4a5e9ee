package com.edgecloud.http;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The refusals an operation can answer, as the API document lists them (SPEC §9's status of each
 * code, Problems.status): each puts a problem+json {@link Problem} on its status.
 */
public final class ProblemAnswers {

    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemAnswers() {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: every bad field is named in `errors`; nothing was written",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface BadRequest {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED: no valid bearer token",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Unauthenticated {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "402", description = "INSUFFICIENT_BALANCE or BELOW_LAUNCH_THRESHOLD",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface PaymentRequired {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "403", description = "FORBIDDEN, ACCOUNT_NOT_ACTIVE or ACCOUNT_NOT_VERIFIED",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Forbidden {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "404", description = "NOT_FOUND (also what another account's resource answers)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface NotFound {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "409", description = "OPERATION_NOT_ALLOWED, NODE_NOT_OPEN, OUT_OF_STOCK or REQUEST_IN_PROGRESS",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Conflict {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED or AMOUNT_MISMATCH",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Unprocessable {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "503", description = "BUSY: retry with the same Idempotency-Key after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Busy {
    }

    @Retention(RUNTIME)
    @Target({METHOD})
    @ApiResponse(responseCode = "500", description = "INTERNAL_ERROR: an unexpected failure; the request may be retried",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface InternalError {
    }
}
