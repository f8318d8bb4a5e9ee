package com.edgecloud.billing.idempotency;

import java.time.Instant;

/** Keys are scoped to account and operation and kept for 24 hours (SPEC §9). */
public interface IdempotencyStore {

    Claim claim(String key, String requestHash, Instant now);

    /** Forgets a claim whose request was refused, so that nothing of it stays written. */
    void release(String key, String token);
}
