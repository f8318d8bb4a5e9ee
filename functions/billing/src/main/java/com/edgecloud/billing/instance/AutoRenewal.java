package com.edgecloud.billing.instance;

import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.time.TermDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * R4: the owner's auto-renewal setting of a monthly package ({@code duration} required when
 * enabled), and the term whose AUTO_RENEWAL_FAILED went out already ({@code failureSentFor}: that
 * term's expiresAt), so a short balance is told once per term however often the sweep retries.
 */
public record AutoRenewal(boolean enabled, TermDuration duration, Instant failureSentFor) {

    /** R4: the default, and what an instance bought before R4 reads as. */
    public static final AutoRenewal OFF = new AutoRenewal(false, null, null);

    /** R4: the sweep renews from this long before expiresAt (the point of E4's 3-day warning). */
    public static final Duration LEAD = Duration.ofHours(72);

    public AutoRenewal {
        if (enabled) {
            Objects.requireNonNull(duration, "duration is required when auto-renewal is enabled (R4)");
        }
    }

    /** The owner's new setting; a failure already told for this term stays told. */
    public AutoRenewal withSetting(boolean enabled, TermDuration duration) {
        return new AutoRenewal(enabled, duration, failureSentFor);
    }

    /** R4: AUTO_RENEWAL_FAILED was sent for the term expiring at {@code expiresAt}. */
    public AutoRenewal withFailureSentFor(Instant expiresAt) {
        return new AutoRenewal(enabled, duration, expiresAt);
    }

    public boolean failureSentFor(Instant expiresAt) {
        return expiresAt != null && expiresAt.equals(failureSentFor);
    }

    /** R4: the first instant the sweep renews a term expiring at {@code expiresAt}. */
    public static Instant startsAt(Instant expiresAt) {
        return expiresAt.minus(LEAD);
    }

    /**
     * R4: the sweep renews the instance at {@code now}: an enabled NORMAL monthly package from 72 h
     * before expiresAt (not a second earlier) until expiry (from expiry on, never).
     */
    public static boolean actsOn(Instance i, Instant now) {
        return i.autoRenewal().enabled()
                && i.billingMethod() == BillingMethod.MONTHLY_PACKAGE
                && i.billingState() == BillingState.NORMAL
                && i.expiresAt() != null
                && !now.isBefore(startsAt(i.expiresAt()))
                && now.isBefore(i.expiresAt());
    }
}
