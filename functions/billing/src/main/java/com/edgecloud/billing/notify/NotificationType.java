package com.edgecloud.billing.notify;

/** E5, N1, R4, G7: what a notification is about. */
public enum NotificationType {
    EXPIRY_WARNING, EXPIRED, OVERDUE, SERVER_STOPPED, SERVER_RELEASED, ORDER_PAID,
    AUTO_RENEWED, AUTO_RENEWAL_FAILED, BALANCE_LOW
}
