package com.edgecloud.billing.notify;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * N2: every outbox message is built here, one factory per notification type, so what a message
 * carries and how its id is made is decided in one place; the sweeps, metering and payments only
 * say which notification their change causes.
 */
public final class OutboxMessages {

    private OutboxMessages() {
    }

    /** E4: warning {@code daysBefore} of the term that expires {@code daysBefore} days after {@code point}. */
    public static OutboxMessage expiryWarning(Instance i, int daysBefore, Instant point, Instant createdAt) {
        return ofInstance(i, NotificationType.EXPIRY_WARNING, daysBefore, point, createdAt);
    }

    /** E3: the term ended at {@code expiresAt}. */
    public static OutboxMessage expired(Instance i, Instant expiresAt, Instant createdAt) {
        return ofInstance(i, NotificationType.EXPIRED, null, expiresAt, createdAt);
    }

    /** G3: an hourly bill went unpaid at {@code since}. */
    public static OutboxMessage overdue(Instance i, Instant since, Instant createdAt) {
        return ofInstance(i, NotificationType.OVERDUE, null, since, createdAt);
    }

    /** E5: the end of retention at {@code releaseAt} stopped the server. */
    public static OutboxMessage serverStopped(Instance i, Instant releaseAt, Instant createdAt) {
        return ofInstance(i, NotificationType.SERVER_STOPPED, null, releaseAt, createdAt);
    }

    /** E5: the end of retention at {@code releaseAt} released the server. */
    public static OutboxMessage serverReleased(Instance i, Instant releaseAt, Instant createdAt) {
        return ofInstance(i, NotificationType.SERVER_RELEASED, null, releaseAt, createdAt);
    }

    /** R4: the term that expired at {@code i.expiresAt()} was renewed for {@code charged}, now to {@code newExpiry}. */
    public static OutboxMessage autoRenewed(Instance i, Money charged, Instant newExpiry, Instant createdAt) {
        return new OutboxMessage(idOf(NotificationType.AUTO_RENEWED, i, i.expiresAt()), NotificationType.AUTO_RENEWED,
                i.accountId(), i.id(), null, null, createdAt, charged, newExpiry);
    }

    /** R4: once per term, the balance did not cover {@code price} (null when unknown); retried until expiry. */
    public static OutboxMessage autoRenewalFailed(Instance i, Money price, Instant createdAt) {
        return new OutboxMessage(idOf(NotificationType.AUTO_RENEWAL_FAILED, i, i.expiresAt()),
                NotificationType.AUTO_RENEWAL_FAILED, i.accountId(), i.id(), null, null, createdAt, price,
                i.expiresAt());
    }

    /** P2: an order was paid; a single server is named, several are found through the order. */
    public static OutboxMessage orderPaid(String accountId, String orderId, List<Instance> instances,
                                          Instant createdAt) {
        return new OutboxMessage(Ids.next("msg"), NotificationType.ORDER_PAID, accountId,
                instances.size() == 1 ? instances.get(0).id() : null, orderId, null, createdAt);
    }

    /** N2: one id per (instance, type, point), so a re-run cannot write the notification twice. */
    public static OutboxMessage ofInstance(Instance i, NotificationType type, Integer daysBefore, Instant point,
                                           Instant createdAt) {
        return new OutboxMessage(idOf(type, i, point), type, i.accountId(), i.id(), null, daysBefore, createdAt);
    }

    private static String idOf(NotificationType type, Instance i, Instant point) {
        return "msg-" + type.name().toLowerCase() + "-" + i.id() + "-" + point.getEpochSecond();
    }
}
