package com.edgecloud.notify;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.NotificationType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a notification's text says, gathered by the dispatcher from the instance, the order
 * and the catalog. Fields that a type does not use are null. Each type's factory names what
 * the text needs; the constructor refuses a fact set whose text would be missing its point.
 *
 * @param zone the billing zone (T1): every time in the text is printed in it
 * @param hoursLeft G7: the whole hours the available balance still covers (BALANCE_LOW)
 */
public record NotificationFacts(NotificationType type, String instanceId, String orderId,
                                String nodeName, String city, Integer daysBefore,
                                Instant expiresAt, Instant releaseAt, Instant overdueSince,
                                Money amount, Integer quantity, ZoneId zone, Long hoursLeft) {

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
            case BALANCE_LOW -> require(hoursLeft, "hoursLeft", type);
        }
    }

    /** E4: warning N of a monthly package's term. */
    public static NotificationFacts expiryWarning(String instanceId, String nodeName, String city,
                                                  int daysBefore, Instant expiresAt, ZoneId zone) {
        return new NotificationFacts(NotificationType.EXPIRY_WARNING, instanceId, null, nodeName, city,
                daysBefore, expiresAt, null, null, null, null, zone, null);
    }

    /** E3: a monthly package reached expiry; it runs on until {@code releaseAt}. */
    public static NotificationFacts expired(String instanceId, String nodeName, String city,
                                            Instant expiresAt, Instant releaseAt, ZoneId zone) {
        return new NotificationFacts(NotificationType.EXPIRED, instanceId, null, nodeName, city,
                null, expiresAt, releaseAt, null, null, null, zone, null);
    }

    /** G3, E5: an hourly bill of {@code unpaidBill} (may be null) could not be paid. */
    public static NotificationFacts overdue(String instanceId, String nodeName, String city, Money unpaidBill,
                                            Instant overdueSince, Instant releaseAt, ZoneId zone) {
        return new NotificationFacts(NotificationType.OVERDUE, instanceId, null, nodeName, city,
                null, null, releaseAt, overdueSince, unpaidBill, null, zone, null);
    }

    /** E5: stopped by the system at the end of retention; {@code at} may be null. */
    public static NotificationFacts serverStopped(String instanceId, String nodeName, String city,
                                                  Instant at, ZoneId zone) {
        return new NotificationFacts(NotificationType.SERVER_STOPPED, instanceId, null, nodeName, city,
                null, null, at, null, null, null, zone, null);
    }

    /** E5: released by the system at the end of retention; {@code at} may be null. */
    public static NotificationFacts serverReleased(String instanceId, String nodeName, String city,
                                                   Instant at, ZoneId zone) {
        return new NotificationFacts(NotificationType.SERVER_RELEASED, instanceId, null, nodeName, city,
                null, null, at, null, null, null, zone, null);
    }

    /** P2: an order was paid; {@code amount} and {@code quantity} may be null. */
    public static NotificationFacts orderPaid(String orderId, Money amount, Integer quantity,
                                              String nodeName, String city, ZoneId zone) {
        return new NotificationFacts(NotificationType.ORDER_PAID, null, orderId, nodeName, city,
                null, null, null, null, amount, quantity, zone, null);
    }

    /** G7: after an hourly run the available balance covers only {@code hoursLeft} hours at the current rate. */
    public static NotificationFacts balanceLow(long hoursLeft, ZoneId zone) {
        return new NotificationFacts(NotificationType.BALANCE_LOW, null, null, null, null,
                null, null, null, null, null, null, zone, hoursLeft);
    }

    private static void require(Object value, String field, NotificationType type) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required for a " + type + " notification");
        }
    }
}
