package com.edgecloud.billing.error;

import java.util.Objects;

/** One offending request field of a VALIDATION_FAILED error. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
