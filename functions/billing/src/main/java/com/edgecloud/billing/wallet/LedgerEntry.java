package com.edgecloud.billing.wallet;

import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A4: one immutable money movement. Amounts are signed: a charge is negative cash/coupon, a recharge
 * positive cash, a coupon grant positive coupon with {@code couponId}. {@code sequence} is the wallet
 * version after this entry (strictly increasing per account; the ledger is listed newest first).
 */
public record LedgerEntry(String id, long sequence, Instant at, LedgerEntryType type, Money cash, Money coupon,
                          List<CouponDraw> couponDraws, String couponId, String instanceId, String orderId) {

    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(coupon, "coupon");
        couponDraws = couponDraws == null ? List.of() : List.copyOf(couponDraws);
        if (!couponDraws.isEmpty()) {
            Money drawn = Money.ZERO;
            for (CouponDraw d : couponDraws) {
                drawn = drawn.plus(d.amount());
            }
            if (!coupon.equals(drawn.negate())) {
                throw new IllegalArgumentException("Coupon amount " + coupon + " must equal minus the draws " + drawn);
            }
        }
    }

    /** A charge of any charging type: negative cash and coupon parts. */
    public static LedgerEntry charge(String id, long sequence, Instant at, LedgerEntryType type, Charge c,
                                     String instanceId, String orderId) {
        if (!type.isCharge()) {
            throw new IllegalArgumentException(type + " is not a charge");
        }
        return new LedgerEntry(id, sequence, at, type, c.fromCash().negate(), c.fromCouponsTotal().negate(),
                c.fromCoupons(), null, instanceId, orderId);
    }

    /** A recharge: positive cash. */
    public static LedgerEntry recharge(String id, long sequence, Instant at, Money amount) {
        return credit(id, sequence, at, LedgerEntryType.RECHARGE, amount, null);
    }

    /** Cash in: positive cash, e.g. a RECHARGE (for a third-party order, with its orderId). */
    public static LedgerEntry credit(String id, long sequence, Instant at, LedgerEntryType type, Money amount,
                                     String orderId) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A credit must be positive, got " + amount);
        }
        if (type.isCharge()) {
            throw new IllegalArgumentException(type + " is a charge");
        }
        return new LedgerEntry(id, sequence, at, type, amount, Money.ZERO, List.of(), null, null, orderId);
    }

    /** A coupon grant: positive coupon amount, couponId set. */
    public static LedgerEntry couponGrant(String id, long sequence, Instant at, Coupon coupon) {
        return new LedgerEntry(id, sequence, at, LedgerEntryType.COUPON_GRANT, Money.ZERO, coupon.granted(),
                List.of(), coupon.id(), null, null);
    }
}
