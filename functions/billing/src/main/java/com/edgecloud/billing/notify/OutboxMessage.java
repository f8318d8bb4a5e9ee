package com.edgecloud.billing.notify;

import java.time.Instant;

/**
 * N2: a notification to send, written in the same transaction as the state change that
 * causes it; the dispatch function delivers it later, from the outbox table's stream.
 */
public record OutboxMessage(String id, NotificationType type, String accountId, String instanceId,
                            String orderId, Integer daysBefore, Instant createdAt) {
}
