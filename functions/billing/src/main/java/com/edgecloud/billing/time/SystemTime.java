package com.edgecloud.billing.time;

import java.time.Clock;
import java.time.Instant;

/**
 * Infrastructure time: idempotency leases and their 24 h retention, retries, token lifetimes.
 * Never the settable business clock (T2), so that moving the business clock (a replayed sweep,
 * the local server's {@code PUT /_local/clock}) cannot expire or extend a key.
 */
public final class SystemTime {

    private final Clock clock;

    public SystemTime(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }
}
