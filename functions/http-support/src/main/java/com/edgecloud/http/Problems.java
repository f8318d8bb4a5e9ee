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

    /** Seconds a BUSY caller is asked to wait before retrying with the same key. */
    static final int BUSY_RETRY_AFTER_SECONDS = 1;

    public static MutableHttpResponse<Map<String, Object>> of(BillingException e) {
        return of(e.code(), e.detail(), e.extensions());
    }

    /** SPEC §9: the HTTP status of each code. */
    public static int status(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> 400;
            case UNAUTHENTICATED -> 401;
            case INSUFFICIENT_BALANCE, BELOW_LAUNCH_THRESHOLD -> 402;
            case ACCOUNT_NOT_ACTIVE, ACCOUNT_NOT_VERIFIED, FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case OPERATION_NOT_ALLOWED, NODE_NOT_OPEN, OUT_OF_STOCK, REQUEST_IN_PROGRESS -> 409;
            case IDEMPOTENCY_KEY_REUSED, AMOUNT_MISMATCH -> 422;
            case BUSY -> 503;
        };
    }

    public static MutableHttpResponse<Map<String, Object>> of(ErrorCode code, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://errors.edge-server-billing/" + code.name().toLowerCase().replace('_', '-'));
        body.put("title", code.title());
        body.put("status", status(code));
        body.put("detail", detail);
        body.put("code", code.name());
        body.putAll(extensions);
        MutableHttpResponse<Map<String, Object>> response = HttpResponse.<Map<String, Object>>status(
                HttpStatus.valueOf(status(code))).contentType(PROBLEM_JSON).body(body);
        if (code == ErrorCode.BUSY) {
            response.header("Retry-After", Integer.toString(BUSY_RETRY_AFTER_SECONDS));
        }
        return response;
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
