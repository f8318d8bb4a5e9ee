package com.edgecloud.billing.wallet;

import com.edgecloud.billing.money.Money;
import java.util.List;
import java.util.Objects;

/** A3: how a charge of {@code total} is split between coupons and cash. */
public record Charge(Money total, Money fromCash, List<CouponDraw> fromCoupons) {

    public Charge {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(fromCash, "fromCash");
        fromCoupons = List.copyOf(fromCoupons);
        if (fromCash.isNegative()) {
            throw new IllegalArgumentException("Cash part of a charge cannot be negative: " + fromCash);
        }
        Money coupons = Money.ZERO;
        for (CouponDraw d : fromCoupons) {
            coupons = coupons.plus(d.amount());
        }
        if (!fromCash.plus(coupons).equals(total)) {
            throw new IllegalArgumentException("Charge parts " + fromCash + " + " + coupons
                    + " do not add up to " + total);
        }
    }

    public Money fromCouponsTotal() {
        return total.minus(fromCash);
    }
}
