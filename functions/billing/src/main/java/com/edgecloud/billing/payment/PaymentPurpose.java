package com.edgecloud.billing.payment;

/** What a payment pays for: cash for the wallet (A5), or a third-party order (P2). */
public enum PaymentPurpose {
    RECHARGE, ORDER
}
