package com.edgecloud.http;

import com.edgecloud.billing.error.FieldError;
import java.util.List;

/**
 * A request body read strictly ({@link CheckedBodies}): a {@code @Serdeable} record whose fields carry
 * their jakarta constraints. A rule between two fields, which no field constraint can say, is
 * {@link #crossFieldErrors()}, checked only once every field is valid on its own.
 */
public interface CheckedBody {

    /** The errors of rules that join fields (e.g. G1: a duration only for a monthly package). */
    default List<FieldError> crossFieldErrors() {
        return List.of();
    }
}
