package com.edgecloud.billing.wallet;

import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.Objects;

/** A granted coupon; {@code version} increases with each draw (optimistic locking). */
public record Coupon(String id, Money granted, Money remaining, Instant expiresAt, long version) {

    public Coupon {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(granted, "granted");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // A4: remaining = granted − drawn, never negative.
        if (remaining.isNegative() || remaining.compareTo(granted) > 0) {
            throw new IllegalArgumentException("Coupon " + id + ": remaining " + remaining
                    + " must be between 0.00 and granted " + granted);
        }
    }

    /** A new, unused coupon (version 0). */
    public static Coupon grant(String id, Money amount, Instant expiresAt) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("Coupon amount must be positive, got " + amount);
        }
        return new Coupon(id, amount, amount, expiresAt, 0);
    }

    /** A2: usable while not expired and not used up. */
    public boolean isAvailableAt(Instant now) {
        return now.isBefore(expiresAt) && remaining.isPositive();
    }

    /** A3: this coupon after {@code amount} was taken from it. */
    Coupon drawn(Money amount) {
        return new Coupon(id, granted, remaining.minus(amount), expiresAt, version + 1);
    }
}
