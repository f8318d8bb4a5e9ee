package com.edgecloud.billing.lifecycle;

/** E1: billing states; RELEASED is final. */
public enum BillingState {
    NORMAL, EXPIRED, OVERDUE, RELEASED
}
