package com.edgecloud.billing.lifecycle;

import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.notify.OutboxMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * E3, E4, E5: what the expiry sweep does to an instance whose EXPIRY point has come. The due mark
 * is the next point not yet handled, so each warning is sent at most once per term, and a
 * notification's id is fixed by (instance, point) so a re-run never writes it twice.
 */
public final class ExpirySweep {

    /** E3: data is kept 7 × 24 h after expiry or overdue. */
    public static final Duration RETENTION = Duration.ofDays(7);

    private ExpirySweep() {
    }

    /** The change due at {@code now}, or empty when nothing is (the point has not come, or not ours). */
    public static Optional<LifecycleChange> step(Instance i, Instant now) {
        Due due = i.due();
        if (due == null || !due.bucket().startsWith(Due.Kind.EXPIRY.name()) || due.at().isAfter(now)) {
            return Optional.empty();
        }
        if (i.billingState() == BillingState.RELEASED) {
            return Optional.of(new LifecycleChange(i.withDue(null), List.of(), List.of(), false));
        }
        if (i.billingMethod() == BillingMethod.MONTHLY_PACKAGE && i.billingState() == BillingState.NORMAL) {
            return Optional.of(now.isBefore(i.expiresAt()) ? warn(i, now) : expire(i, now));
        }
        if (i.billingState() == BillingState.EXPIRED || i.billingState() == BillingState.OVERDUE) {
            Instant releaseAt = releaseAt(i);
            if (now.isBefore(releaseAt)) {
                return Optional.of(new LifecycleChange(i.withDue(Due.of(Due.Kind.EXPIRY, i.id(), releaseAt)),
                        List.of(), List.of(), false));
            }
            return Optional.of(release(i, now));
        }
        return Optional.of(new LifecycleChange(i.withDue(null), List.of(), List.of(), false)); // stale mark
    }

    /** E3: release 7 days after expiresAt (monthly) or overdueSince (pay-by-configuration). */
    public static Instant releaseAt(Instance i) {
        return (i.billingState() == BillingState.OVERDUE ? i.overdueSince() : i.expiresAt()).plus(RETENTION);
    }

    /** E4: of the warnings due since the mark, only the most urgent is sent; the next point is marked. */
    private static LifecycleChange warn(Instance i, Instant now) {
        Integer send = null;
        Instant next = i.expiresAt();
        for (int days : Due.WARNING_DAYS) { // 30, 15, 7, 3, 1: least to most urgent
            Instant point = i.expiresAt().minus(Duration.ofDays(days));
            if (point.isBefore(i.due().at())) {
                continue; // handled already, or before the term was bought
            }
            if (!point.isAfter(now)) {
                send = days;
            } else {
                next = point;
                break;
            }
        }
        List<OutboxMessage> messages = new ArrayList<>();
        if (send != null) {
            messages.add(OutboxMessages.expiryWarning(i, send, i.expiresAt().minus(Duration.ofDays(send)), now));
        }
        return new LifecycleChange(i.withDue(Due.of(Due.Kind.EXPIRY, i.id(), next)), List.of(), messages, false);
    }

    /** E3: at expiry the instance is EXPIRED, its server keeps running, and release is 7 days on. */
    private static LifecycleChange expire(Instance i, Instant now) {
        Instant releaseAt = i.expiresAt().plus(RETENTION);
        Instance after = i.withState(BillingState.EXPIRED, null, releaseAt, Due.of(Due.Kind.EXPIRY, i.id(), releaseAt));
        return new LifecycleChange(after, List.of(),
                List.of(OutboxMessages.expired(i, i.expiresAt(), now)), false);
    }

    /** E3, E5: the end of retention stops and releases the server and returns it to stock. */
    private static LifecycleChange release(Instance i, Instant now) {
        Instant releaseAt = releaseAt(i);
        Instance after = i.withState(BillingState.RELEASED, i.overdueSince(), releaseAt, null)
                .withPowerState(PowerState.STOPPED);
        return new LifecycleChange(after, List.of(), List.of(
                OutboxMessages.serverStopped(i, releaseAt, now),
                OutboxMessages.serverReleased(i, releaseAt, now)), true);
    }

    /**
     * Kept for metering's OVERDUE call until it calls {@link OutboxMessages#overdue}; every message
     * is built by {@link OutboxMessages}.
     */
    public static OutboxMessage message(Instance i, NotificationType type, Integer daysBefore, Instant point,
                                        Instant createdAt) {
        return OutboxMessages.ofInstance(i, type, daysBefore, point, createdAt);
    }
}
