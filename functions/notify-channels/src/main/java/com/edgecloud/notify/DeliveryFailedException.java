package com.edgecloud.notify;

import java.util.Objects;

/**
 * A channel could not deliver a message. {@link #isRetryable()} tells the dispatcher (N2)
 * whether trying again later can help (a connection error, a busy server) or not (a
 * rejected address, a bad phone number), so a hopeless delivery is parked at once.
 */
public class DeliveryFailedException extends RuntimeException {

    private final String reason;
    private final boolean retryable;

    public DeliveryFailedException(String reason, boolean retryable, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason"), cause);
        this.reason = reason;
        this.retryable = retryable;
    }

    public static DeliveryFailedException retryable(String reason, Throwable cause) {
        return new DeliveryFailedException(reason, true, cause);
    }

    public static DeliveryFailedException permanent(String reason, Throwable cause) {
        return new DeliveryFailedException(reason, false, cause);
    }

    /** Short and safe to store as a delivery's {@code lastError} (no credentials, no full address). */
    public String reason() {
        return reason;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
