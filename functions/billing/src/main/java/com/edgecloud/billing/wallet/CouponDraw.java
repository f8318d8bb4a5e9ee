package com.edgecloud.billing.wallet;

import com.edgecloud.billing.money.Money;
import java.util.Objects;

/** What a charge takes from one coupon (positive amount), planned against {@code couponVersion}. */
public record CouponDraw(String couponId, Money amount, long couponVersion) {

    public CouponDraw {
        Objects.requireNonNull(couponId, "couponId");
        if (!Objects.requireNonNull(amount, "amount").isPositive()) {
            throw new IllegalArgumentException("A coupon draw must be positive, got " + amount);
        }
    }
}
