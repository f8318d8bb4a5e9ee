package com.edgecloud.billing.wallet;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry policy of optimistic writes: exponential back-off with full jitter, then BUSY
 * (SPEC §9: 503 with Retry-After, safe to retry with the same Idempotency-Key).
 */
public record RetryPolicy(int maxAttempts, long baseMillis, long capMillis) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(12, 5, 200);

    /** Waits before attempt {@code attempt + 1}, or throws BUSY when {@code attempt} was the last. */
    public void backOffAfter(int attempt, String what) {
        if (attempt >= maxAttempts) {
            throw new BillingException(ErrorCode.BUSY, "Too many concurrent changes to " + what
                    + "; retry with the same Idempotency-Key.", Map.of("retryAfterSeconds", 1));
        }
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
