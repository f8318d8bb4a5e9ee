package com.edgecloud.billing.notify;

import com.edgecloud.billing.money.Money;
import java.time.Instant;

/**
 * N2: a notification to send, written in the same transaction as the state change that
 * causes it; the dispatch function delivers it later, from the outbox table's stream.
 *
 * <p>{@code amount} and {@code until} are the facts of the moment that a later read could not
 * give back: R4's AUTO_RENEWED (charged, the new expiresAt), AUTO_RENEWAL_FAILED (the price, the
 * expiresAt it keeps trying until), G7's BALANCE_LOW (the available balance, coversUntil). Null
 * for the other types.
 */
public record OutboxMessage(String id, NotificationType type, String accountId, String instanceId,
                            String orderId, Integer daysBefore, Instant createdAt, Money amount, Instant until) {

    /** A message whose text needs no fact of the moment (E4, E5, G3, P2). */
    public OutboxMessage(String id, NotificationType type, String accountId, String instanceId, String orderId,
                         Integer daysBefore, Instant createdAt) {
        this(id, type, accountId, instanceId, orderId, daysBefore, createdAt, null, null);
    }

    /**
     * G7: the balance covers less than 24 hours of the account's pay-by-configuration rate after an
     * hourly run: {@code available} is the available balance then, {@code coversUntil} when it runs out.
     */
    public static OutboxMessage balanceLow(String id, String accountId, Money available, Instant coversUntil,
                                           Instant createdAt) {
        return new OutboxMessage(id, NotificationType.BALANCE_LOW, accountId, null, null, null, createdAt,
                available, coversUntil);
    }
}
