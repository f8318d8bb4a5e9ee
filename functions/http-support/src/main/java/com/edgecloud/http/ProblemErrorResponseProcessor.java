package com.edgecloud.http;

import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.error.FieldError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors raised by the framework (unreadable JSON, unknown route, wrong method, body too
 * large) answer problem+json too, with a code of SPEC §9, never Micronaut's own format;
 * an unexpected failure answers 500 {@code INTERNAL_ERROR} without its internals.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status >= 500) {
            // an unexpected failure: no internals in the answer, and never a 4xx code
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", "Internal error");
            body.put("status", status);
            body.put("detail", "The request could not be completed; it may be retried.");
            body.put("code", "INTERNAL_ERROR");
            return response.contentType(Problems.PROBLEM_JSON).body(body);
        }
        ErrorCode code = Problems.codeFor(status);
        String detail = context.getErrors().stream().map(e -> e.getMessage()).findFirst()
                .orElse(response.reason());
        Map<String, Object> extensions = code == ErrorCode.VALIDATION_FAILED
                ? Map.of("errors", List.of(new FieldError("body", detail)))
                : Map.of();
        MutableHttpResponse<Map<String, Object>> problem = Problems.of(code, detail, extensions);
        problem.status(response.status());
        Map<String, Object> body = problem.body();
        if (body != null) {
            body.put("status", status); // RFC 9457: the status actually sent
        }
        return problem;
    }
}
