package com.edgecloud.billing.payment;

import com.edgecloud.billing.money.Money;

/** A5: what the provider's verified callback says about one payment. */
public record PaymentCallback(String paymentId, PaymentStatus status, Money amount) {
}
