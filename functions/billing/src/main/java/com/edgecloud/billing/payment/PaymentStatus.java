package com.edgecloud.billing.payment;

/** A payment waits for the provider's callback, which makes it SUCCEEDED or FAILED (A5). */
public enum PaymentStatus {
    PENDING, SUCCEEDED, FAILED
}
