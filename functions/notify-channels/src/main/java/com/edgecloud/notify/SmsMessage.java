package com.edgecloud.notify;

import com.edgecloud.billing.notify.NotificationType;
import java.util.Objects;

/**
 * One SMS to one E.164 number (e.g. {@code +8613800000000}). {@code notificationId},
 * {@code type} and {@code instanceId} are not sent; they identify the notification in logs and
 * in {@code GET /_local/sent} (§10).
 */
public record SmsMessage(String notificationId, NotificationType type, String instanceId,
                         String phoneNumber, String body) {

    public SmsMessage {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(body, "body");
    }
}
