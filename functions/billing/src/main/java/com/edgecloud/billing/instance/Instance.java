package com.edgecloud.billing.instance;

import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import java.time.Instant;

/**
 * A bare-metal server as billed. {@code due} is the next moment a sweep must look at it
 * (a warning, expiry, release or bill); null when nothing is due (kept out of the index).
 *
 * <p>Pay-by-configuration metering (G2): {@code billedUntil} is the instant up to which usage is
 * billed (metering runs from there while NORMAL); {@code meteredSeconds}, {@code meteredFenSeconds}
 * (the exact cost of those seconds, each priced at the price in effect at that second, in
 * fen·seconds) and {@code billedFen} are the totals of all bills so far, so the next bill is the
 * exact cost of all metered seconds, rounded once, minus what was billed: no drift, and a price
 * change never re-prices a billed second. {@code meteredFenSeconds} is null on an instance metered
 * before costs were kept (UsageMeter derives it). Null/zero
 * for monthly packages.
 *
 * <p>{@code autoRenewal} is the owner's R4 setting, kept with the instance so the sweep that reads it
 * from the due-time index has it, and a write of the setting is ordered with renewals by the version.
 *
 * <p>{@code version} is the optimistic lock of every write: a write based on version v succeeds
 * only if the item is still at v, and leaves it at v + 1 ({@link #next}).
 */
public record Instance(String id, String accountId, String nodeId, String specId, String orderId,
                       BillingMethod billingMethod, BillingState billingState, PowerState powerState,
                       Instant termStartsAt, Instant expiresAt, Instant overdueSince, Instant releaseAt,
                       Instant createdAt, Due due, Instant billedUntil, long meteredSeconds, long billedFen,
                       Long meteredFenSeconds, long version, AutoRenewal autoRenewal) {

    public Instance {
        autoRenewal = autoRenewal == null ? AutoRenewal.OFF : autoRenewal;
    }

    /** An instance with auto-renewal off (R4's default). */
    public Instance(String id, String accountId, String nodeId, String specId, String orderId,
                    BillingMethod billingMethod, BillingState billingState, PowerState powerState,
                    Instant termStartsAt, Instant expiresAt, Instant overdueSince, Instant releaseAt,
                    Instant createdAt, Due due, Instant billedUntil, long meteredSeconds, long billedFen,
                    Long meteredFenSeconds, long version) {
        this(id, accountId, nodeId, specId, orderId, billingMethod, billingState, powerState, termStartsAt,
                expiresAt, overdueSince, releaseAt, createdAt, due, billedUntil, meteredSeconds, billedFen,
                meteredFenSeconds, version, AutoRenewal.OFF);
    }

    /** The copy a write of this version produces: the same fields at version + 1. */
    public Instance next() {
        return new Instance(id, accountId, nodeId, specId, orderId, billingMethod, billingState, powerState,
                termStartsAt, expiresAt, overdueSince, releaseAt, createdAt, due, billedUntil, meteredSeconds,
                billedFen, meteredFenSeconds, version + 1, autoRenewal);
    }

    public Instance withPowerState(PowerState state) {
        return new Instance(id, accountId, nodeId, specId, orderId, billingMethod, billingState, state,
                termStartsAt, expiresAt, overdueSince, releaseAt, createdAt, due, billedUntil, meteredSeconds,
                billedFen, meteredFenSeconds, version, autoRenewal);
    }

    public Instance withState(BillingState state, Instant overdueSince, Instant releaseAt, Due due) {
        return new Instance(id, accountId, nodeId, specId, orderId, billingMethod, state, powerState,
                termStartsAt, expiresAt, overdueSince, releaseAt, createdAt, due, billedUntil, meteredSeconds,
                billedFen, meteredFenSeconds, version, autoRenewal);
    }

    public Instance withTerm(Instant termStartsAt, Instant expiresAt, Due due) {
        return new Instance(id, accountId, nodeId, specId, orderId, billingMethod, billingState, powerState,
                termStartsAt, expiresAt, overdueSince, releaseAt, createdAt, due, billedUntil, meteredSeconds,
                billedFen, meteredFenSeconds, version, autoRenewal);
    }

    public Instance withDue(Due due) {
        return new Instance(id, accountId, nodeId, specId, orderId, billingMethod, billingState, powerState,
                termStartsAt, expiresAt, overdueSince, releaseAt, createdAt, due, billedUntil, meteredSeconds,
                billedFen, meteredFenSeconds, version, autoRenewal);
    }

    public Instance withMetering(Instant billedUntil, long meteredSeconds, Long meteredFenSeconds, long billedFen) {
        return new Instance(id, accountId, nodeId, specId, orderId, billingMethod, billingState, powerState,
                termStartsAt, expiresAt, overdueSince, releaseAt, createdAt, due, billedUntil, meteredSeconds,
                billedFen, meteredFenSeconds, version, autoRenewal);
    }

    /** R4: the owner's setting, or the sweep's note of a failure told. */
    public Instance withAutoRenewal(AutoRenewal autoRenewal) {
        return new Instance(id, accountId, nodeId, specId, orderId, billingMethod, billingState, powerState,
                termStartsAt, expiresAt, overdueSince, releaseAt, createdAt, due, billedUntil, meteredSeconds,
                billedFen, meteredFenSeconds, version, autoRenewal);
    }
}
