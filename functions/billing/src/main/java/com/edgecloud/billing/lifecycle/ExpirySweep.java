package com.edgecloud.billing.lifecycle;

import com.edgecloud.billing.instance.AutoRenewal;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.notify.OutboxMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * E3, E4, E5, R4: what the expiry sweep does to an instance whose EXPIRY point has come. The due mark
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
        // R4: an enabled instance is due at its auto-renewal point too (72 h = E4's 3-day point, so
        // today this never comes first; it keeps the sweep's promise if the warning days change).
        Instant renewalPoint = AutoRenewal.startsAt(i.expiresAt());
        if (i.autoRenewal().enabled() && renewalPoint.isAfter(now) && renewalPoint.isBefore(next)) {
            next = renewalPoint;
        }
        return new LifecycleChange(i.withDue(Due.of(Due.Kind.EXPIRY, i.id(), next)), List.of(), messages, false);
    }

    /**
     * R4: the auto-renewal at {@code now} was refused: E4's warnings as ever, AUTO_RENEWAL_FAILED once
     * per term when the balance was short (with the price, null when unknown; an account an operator
     * took the right to buy from, A1, is not told of a balance), and the due mark at the next second
     * so that every later sweep tries again until expiry. The mark never passes the next warning or
     * the expiry, and everything before it is handled, as {@link #warn} reads it.
     */
    public static LifecycleChange autoRenewalFailed(Instance i, Instant now, AutoRenewer.Refused refused) {
        LifecycleChange warned = warn(i, now);
        Instant nextSecond = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant next = warned.after().due().at().isBefore(nextSecond) ? warned.after().due().at() : nextSecond;
        Instance after = warned.after().withDue(Due.of(Due.Kind.EXPIRY, i.id(), next));
        List<OutboxMessage> messages = new ArrayList<>(warned.messages());
        if (refused.code() == ErrorCode.INSUFFICIENT_BALANCE && !i.autoRenewal().failureSentFor(i.expiresAt())) {
            messages.add(OutboxMessages.autoRenewalFailed(i, refused.price(), now));
            after = after.withAutoRenewal(i.autoRenewal().withFailureSentFor(i.expiresAt()));
        }
        return new LifecycleChange(after, List.of(), messages, false);
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
}
