package com.edgecloud.billing.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A domain refusal with a stable {@link ErrorCode}; mapped to problem+json by the HTTP layer. */
public final class BillingException extends RuntimeException {

    private final ErrorCode code;
    private final String detail;
    private final Map<String, Object> extensions;

    public BillingException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    /** Extensions are copied; their iteration order is kept. */
    public BillingException(ErrorCode code, String detail, Map<String, Object> extensions) {
        super(Objects.requireNonNull(code, "code") + ": " + detail);
        this.code = code;
        this.detail = detail;
        this.extensions = extensions == null || extensions.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** VALIDATION_FAILED with extension "errors" listing the offending fields. */
    public static BillingException validation(List<FieldError> errors) {
        List<FieldError> copy = List.copyOf(errors);
        String detail = copy.size() == 1
                ? "Invalid field '" + copy.get(0).field() + "': " + copy.get(0).message()
                : "The request has " + copy.size() + " invalid fields.";
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("errors", copy);
        return new BillingException(ErrorCode.VALIDATION_FAILED, detail, ext);
    }

    /** NOT_FOUND, e.g. {@code notFound("Instance i-1")} → "Instance i-1 not found." */
    public static BillingException notFound(String what) {
        return new BillingException(ErrorCode.NOT_FOUND, what + " not found.");
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** Unmodifiable, insertion-ordered, never null. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
