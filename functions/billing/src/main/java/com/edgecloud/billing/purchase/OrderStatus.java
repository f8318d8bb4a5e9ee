package com.edgecloud.billing.purchase;

/** P2: a third-party order waits in PENDING_PAYMENT; a balance order is PAID at once. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, CANCELLED
}
