package com.edgecloud.billing.notify;

import java.time.Instant;

/**
 * N2: a notification to send, written in the same transaction as the state change that
 * causes it; the dispatch function delivers it later, from the outbox table's stream.
 * {@code hoursLeft}: G7's BALANCE_LOW, the whole hours the available balance still covers.
 */
public record OutboxMessage(String id, NotificationType type, String accountId, String instanceId,
                            String orderId, Integer daysBefore, Instant createdAt, Long hoursLeft) {

    public OutboxMessage(String id, NotificationType type, String accountId, String instanceId, String orderId,
                         Integer daysBefore, Instant createdAt) {
        this(id, type, accountId, instanceId, orderId, daysBefore, createdAt, null);
    }

    /** G7: the account's balance covers only {@code hoursLeft} more hours at its current rate. */
    public static OutboxMessage balanceLow(String id, String accountId, long hoursLeft, Instant createdAt) {
        return new OutboxMessage(id, NotificationType.BALANCE_LOW, accountId, null, null, null, createdAt, hoursLeft);
    }
}
