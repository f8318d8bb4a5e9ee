package com.edgecloud.notify;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.NotificationType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a notification's text says, gathered by the dispatcher from the instance, the order
 * and the catalog. Fields that a type does not use are null. Each type's factory names what
 * the text needs; the constructor refuses a fact set whose text would be missing its point.
 *
 * @param coversUntil G7: when the available balance runs out at the current rate
 * @param hoursLeft G7: the whole hours until then
 * @param zone the billing zone (T1): every time in the text is printed in it
 */
public record NotificationFacts(NotificationType type, String instanceId, String orderId,
                                String nodeName, String city, Integer daysBefore,
                                Instant expiresAt, Instant releaseAt, Instant overdueSince,
                                Money amount, Integer quantity, Instant coversUntil, Integer hoursLeft,
                                ZoneId zone) {

    public NotificationFacts {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(zone, "zone");
        switch (type) {
            case EXPIRY_WARNING -> {
                require(instanceId, "instanceId", type);
                require(daysBefore, "daysBefore", type);
                require(expiresAt, "expiresAt", type);
                if (daysBefore < 1) {
                    throw new IllegalArgumentException("daysBefore must be positive, was " + daysBefore);
                }
            }
            case EXPIRED -> {
                require(instanceId, "instanceId", type);
                require(expiresAt, "expiresAt", type);
                require(releaseAt, "releaseAt", type);
            }
            case OVERDUE -> {
                require(instanceId, "instanceId", type);
                require(overdueSince, "overdueSince", type);
                require(releaseAt, "releaseAt", type);
            }
            case SERVER_STOPPED, SERVER_RELEASED -> require(instanceId, "instanceId", type);
            case ORDER_PAID -> require(orderId, "orderId", type);
            case AUTO_RENEWED -> {
                require(instanceId, "instanceId", type);
                require(expiresAt, "expiresAt", type);
                require(amount, "amount", type);
            }
            case AUTO_RENEWAL_FAILED -> {
                require(instanceId, "instanceId", type);
                require(expiresAt, "expiresAt", type);
            }
            case BALANCE_LOW -> {
                require(amount, "amount", type);
                require(coversUntil, "coversUntil", type);
                require(hoursLeft, "hoursLeft", type);
                if (hoursLeft < 0) {
                    throw new IllegalArgumentException("hoursLeft must not be negative, was " + hoursLeft);
                }
            }
        }
    }

    /** E4: warning N of a monthly package's term. */
    public static NotificationFacts expiryWarning(String instanceId, String nodeName, String city,
                                                  int daysBefore, Instant expiresAt, ZoneId zone) {
        return new NotificationFacts(NotificationType.EXPIRY_WARNING, instanceId, null, nodeName, city,
                daysBefore, expiresAt, null, null, null, null, null, null, zone);
    }

    /** E3: a monthly package reached expiry; it runs on until {@code releaseAt}. */
    public static NotificationFacts expired(String instanceId, String nodeName, String city,
                                            Instant expiresAt, Instant releaseAt, ZoneId zone) {
        return new NotificationFacts(NotificationType.EXPIRED, instanceId, null, nodeName, city,
                null, expiresAt, releaseAt, null, null, null, null, null, zone);
    }

    /** G3, E5: an hourly bill of {@code unpaidBill} (may be null) could not be paid. */
    public static NotificationFacts overdue(String instanceId, String nodeName, String city, Money unpaidBill,
                                            Instant overdueSince, Instant releaseAt, ZoneId zone) {
        return new NotificationFacts(NotificationType.OVERDUE, instanceId, null, nodeName, city,
                null, null, releaseAt, overdueSince, unpaidBill, null, null, null, zone);
    }

    /** E5: stopped by the system at the end of retention; {@code at} may be null. */
    public static NotificationFacts serverStopped(String instanceId, String nodeName, String city,
                                                  Instant at, ZoneId zone) {
        return new NotificationFacts(NotificationType.SERVER_STOPPED, instanceId, null, nodeName, city,
                null, null, at, null, null, null, null, null, zone);
    }

    /** E5: released by the system at the end of retention; {@code at} may be null. */
    public static NotificationFacts serverReleased(String instanceId, String nodeName, String city,
                                                   Instant at, ZoneId zone) {
        return new NotificationFacts(NotificationType.SERVER_RELEASED, instanceId, null, nodeName, city,
                null, null, at, null, null, null, null, null, zone);
    }

    /** P2: an order was paid; {@code amount} and {@code quantity} may be null. */
    public static NotificationFacts orderPaid(String orderId, Money amount, Integer quantity,
                                              String nodeName, String city, ZoneId zone) {
        return new NotificationFacts(NotificationType.ORDER_PAID, null, orderId, nodeName, city,
                null, null, null, null, amount, quantity, null, null, zone);
    }

    /** R4: the sweep renewed the term: {@code charged}, and the new term's {@code expiresAt}. */
    public static NotificationFacts autoRenewed(String instanceId, String nodeName, String city, Money charged,
                                                Instant expiresAt, ZoneId zone) {
        return new NotificationFacts(NotificationType.AUTO_RENEWED, instanceId, null, nodeName, city,
                null, expiresAt, null, null, charged, null, null, null, zone);
    }

    /**
     * R4: the available balance did not cover the renewal's {@code price} (may be null); the sweep
     * tries again until the term's {@code expiresAt}.
     */
    public static NotificationFacts autoRenewalFailed(String instanceId, String nodeName, String city, Money price,
                                                      Instant expiresAt, ZoneId zone) {
        return new NotificationFacts(NotificationType.AUTO_RENEWAL_FAILED, instanceId, null, nodeName, city,
                null, expiresAt, null, null, price, null, null, null, zone);
    }

    /**
     * G7: after an hourly run the {@code available} balance covers the pay-by-configuration rate for
     * less than 24 hours: {@code hoursLeft} whole hours, until {@code coversUntil}.
     */
    public static NotificationFacts balanceLow(Money available, int hoursLeft, Instant coversUntil, ZoneId zone) {
        return new NotificationFacts(NotificationType.BALANCE_LOW, null, null, null, null,
                null, null, null, null, available, null, coversUntil, hoursLeft, zone);
    }

    /**
     * The facts by the names the bundles use ({@link MessageBundle}); an unknown fact is null. Times
     * are printed in the billing zone (T1), amounts as M1 writes them.
     */
    Map<String, Object> placeholders() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("instance", instanceId);
        facts.put("order", orderId);
        facts.put("node", nodeName);
        facts.put("city", city);
        facts.put("daysBefore", daysBefore);
        facts.put("quantity", quantity);
        facts.put("expires", time(expiresAt));
        facts.put("release", time(releaseAt));
        facts.put("overdueSince", time(overdueSince));
        facts.put("amount", amount == null ? null : amount.toString());
        facts.put("coversUntil", time(coversUntil));
        // G7: under one hour left reads "less than 1 hour", so the count is known only from 1 on.
        facts.put("hoursLeft", hoursLeft == null || hoursLeft == 0 ? null : hoursLeft);
        facts.put("retentionDays", Retention.DAYS);
        return facts;
    }

    private String time(Instant instant) {
        return instant == null ? null : BillingZoneTime.format(instant, zone);
    }

    private static void require(Object value, String field, NotificationType type) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required for a " + type + " notification");
        }
    }
}
