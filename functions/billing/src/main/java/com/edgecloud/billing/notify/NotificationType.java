package com.edgecloud.billing.notify;

/** E5, N1: what a notification is about. */
public enum NotificationType {
    EXPIRY_WARNING, EXPIRED, OVERDUE, SERVER_STOPPED, SERVER_RELEASED, ORDER_PAID,
    /** G7: an hourly run left the available balance below the cover threshold (24 h) at the current rate. */
    BALANCE_LOW
}
