package com.edgecloud.billing.notify;

import java.time.Instant;

/**
 * N2: one (notification, channel, receiver), with what to send, written once (its id is a
 * hash of the three) before anything is sent. {@code to} is the email address or phone number
 * (null for an in-site message); the texts are rendered when the delivery is created, so a
 * retry sends exactly what the first attempt would have.
 */
public record Delivery(String id, String notificationId, NotificationType type, String accountId,
                       String instanceId, Integer daysBefore, DeliveryChannel channel, String receiverId, String to,
                       String title, String body, Instant notificationCreatedAt, DeliveryStatus status,
                       int attempts, String lastError, Instant nextAttemptAt, Instant updatedAt) {
}
