package com.edgecloud.notify;

import com.edgecloud.billing.notify.NotificationType;
import java.time.Instant;

/**
 * §10 {@code GET /_local/sent}: one message a channel sent. {@code to} is the email address or
 * the phone number; {@code subject} is null for SMS; {@code instanceId} is null for an order's
 * notification.
 */
public record SentItem(String id, String notificationId, NotificationType type, String instanceId,
                       Channel channel, String to, String subject, String body, Instant sentAt) {
}
