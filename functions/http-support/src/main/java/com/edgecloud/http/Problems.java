package com.edgecloud.http;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one mapping of SPEC §9's error codes to RFC 9457 problem+json bodies. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Problems() {
    }

    public static MutableHttpResponse<Map<String, Object>> of(BillingException e) {
        return of(e.code(), e.detail(), e.extensions());
    }

    public static MutableHttpResponse<Map<String, Object>> of(ErrorCode code, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://errors.edge-server-billing/" + code.name().toLowerCase().replace('_', '-'));
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", detail);
        body.put("code", code.name());
        body.putAll(extensions);
        return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(code.status()))
                .contentType(PROBLEM_JSON)
                .body(body);
    }

    /** A code for an HTTP status raised by the framework itself (unknown route, bad method, ...). */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404, 405 -> ErrorCode.NOT_FOUND;
            default -> ErrorCode.VALIDATION_FAILED;
        };
    }
}
