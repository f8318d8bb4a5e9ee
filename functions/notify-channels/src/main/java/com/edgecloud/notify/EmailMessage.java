package com.edgecloud.notify;

import com.edgecloud.billing.notify.NotificationType;
import java.util.Objects;

/**
 * One email to one receiver. {@code notificationId}, {@code type} and {@code instanceId} are
 * not sent; they identify the notification in logs and in {@code GET /_local/sent} (§10).
 */
public record EmailMessage(String notificationId, NotificationType type, String instanceId,
                           String to, String subject, String body) {

    public EmailMessage {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
