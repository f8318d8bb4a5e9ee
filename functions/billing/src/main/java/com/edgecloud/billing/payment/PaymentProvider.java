package com.edgecloud.billing.payment;

/**
 * The third-party payment provider: asked to collect a payment before it is stored as PENDING.
 * The provider completes it later by calling {@code POST /payments/callback} (A5).
 */
public interface PaymentProvider {

    /**
     * Locally (and by default) nothing is sent anywhere: the payment is only recorded, and the
     * callback, signed with the local secret, plays the provider's server.
     */
    PaymentProvider RECORD_ONLY = payment -> {
    };

    void open(Payment payment);
}
