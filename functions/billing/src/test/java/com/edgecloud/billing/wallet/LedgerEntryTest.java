package com.edgecloud.billing.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {

    private static final Instant AT = Instant.parse("2016-06-01T04:00:00Z");

    @Test
    void chargeIsNegativeCashAndCoupon_A4() {
        Charge c = new Charge(Money.parse("30.00"), Money.parse("8.00"),
                List.of(new CouponDraw("c1", Money.parse("22.00"), 2)));
        LedgerEntry e = LedgerEntry.charge("e1", 7, AT, LedgerEntryType.ORDER_CHARGE, c, "i-1", "o-1");
        assertEquals(Money.parse("-8.00"), e.cash());
        assertEquals(Money.parse("-22.00"), e.coupon());
        assertEquals(c.fromCoupons(), e.couponDraws());
        assertEquals(7, e.sequence());
        assertEquals("i-1", e.instanceId());
        assertEquals("o-1", e.orderId());
        assertNull(e.couponId());
        assertThrows(IllegalArgumentException.class,
                () -> LedgerEntry.charge("e2", 8, AT, LedgerEntryType.RECHARGE, c, null, null));
    }

    @Test
    void rechargeIsPositiveCash_A4() {
        LedgerEntry e = LedgerEntry.recharge("r1", 1, AT, Money.parse("100.00"));
        assertEquals(LedgerEntryType.RECHARGE, e.type());
        assertEquals(Money.parse("100.00"), e.cash());
        assertEquals(Money.ZERO, e.coupon());
        assertEquals(List.of(), e.couponDraws());
        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.recharge("r2", 2, AT, Money.ZERO));
    }

    @Test
    void couponGrantIsPositiveCouponWithId_A4() {
        Coupon c = Coupon.grant("c1", Money.parse("20.00"), AT.plusSeconds(3600));
        LedgerEntry e = LedgerEntry.couponGrant("g1", 2, AT, c);
        assertEquals(LedgerEntryType.COUPON_GRANT, e.type());
        assertEquals(Money.ZERO, e.cash());
        assertEquals(Money.parse("20.00"), e.coupon());
        assertEquals("c1", e.couponId());
    }

    @Test
    void couponAmountMustMatchDraws_A4() {
        assertThrows(IllegalArgumentException.class, () -> new LedgerEntry("x", 1, AT, LedgerEntryType.USAGE_BILL,
                Money.ZERO, Money.parse("-1.00"), List.of(new CouponDraw("c", Money.parse("2.00"), 0)),
                null, "i", null));
    }
}
