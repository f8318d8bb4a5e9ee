package com.edgecloud.http;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import java.util.List;

/** {@code ?limit=} (1–100, default 20) and {@code ?nextToken=} of a list (SPEC §11). */
public record PageRequest(int limit, String nextToken) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String limit, String nextToken) {
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw BillingException.validation(List.of(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
            }
        }
        if (nextToken != null && nextToken.length() > 2048) {
            throw BillingException.validation(List.of(new FieldError("nextToken", "is not a token this list gave out")));
        }
        return new PageRequest(size, nextToken == null || nextToken.isEmpty() ? null : nextToken);
    }
}
