package com.edgecloud.billing.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalletTest {

    private static final Instant NOW = Instant.parse("2016-06-01T04:00:00Z");

    private static Money m(String s) {
        return Money.parse(s);
    }

    private static Coupon coupon(String id, String granted, String remaining, Instant expiresAt) {
        return new Coupon(id, m(granted), m(remaining), expiresAt, 3);
    }

    @Test
    void availableIsCashPlusUsableCoupons_A2() {
        Wallet w = new Wallet(m("10.00"), List.of(
                coupon("live", "20.00", "7.50", NOW.plusSeconds(1)),
                coupon("expired", "30.00", "30.00", NOW.minusSeconds(1)),
                coupon("expiringNow", "40.00", "40.00", NOW),
                coupon("usedUp", "50.00", "0.00", NOW.plusSeconds(86_400))), 9);
        assertEquals(m("7.50"), w.couponBalance(NOW));
        assertEquals(m("17.50"), w.available(NOW));
        // Before the others expire they count too.
        assertEquals(m("87.50"), w.available(NOW.minusSeconds(2)));
    }

    @Test
    void couponIsAvailableOnlyBeforeExpiryAndWhileNotUsedUp_A2() {
        Coupon c = coupon("c", "5.00", "0.01", NOW);
        assertTrue(c.isAvailableAt(NOW.minusSeconds(1)));
        assertFalse(c.isAvailableAt(NOW));
        assertFalse(c.isAvailableAt(NOW.plusSeconds(1)));
        assertFalse(coupon("d", "5.00", "0.00", NOW).isAvailableAt(NOW.minusSeconds(1)));
    }

    @Test
    void chargeTakesCouponsByEarliestExpiryThenCash_A3() {
        Wallet w = new Wallet(m("100.00"), List.of(
                coupon("late", "10.00", "10.00", NOW.plusSeconds(3_000)),
                coupon("b-tie", "4.00", "4.00", NOW.plusSeconds(1_000)),
                coupon("early", "5.00", "5.00", NOW.plusSeconds(500)),
                coupon("a-tie", "3.00", "3.00", NOW.plusSeconds(1_000)),
                coupon("gone", "90.00", "90.00", NOW.minusSeconds(1))), 1);
        Charge c = w.plan(m("30.00"), NOW);
        assertEquals(List.of(
                new CouponDraw("early", m("5.00"), 3),
                new CouponDraw("a-tie", m("3.00"), 3),
                new CouponDraw("b-tie", m("4.00"), 3),
                new CouponDraw("late", m("10.00"), 3)), c.fromCoupons());
        assertEquals(m("22.00"), c.fromCouponsTotal());
        assertEquals(m("8.00"), c.fromCash());
        assertEquals(m("30.00"), c.total());

        Wallet after = w.apply(c);
        assertEquals(m("92.00"), after.cash());
        assertEquals(2, after.version());
        assertEquals(m("0.00"), after.coupon("early").orElseThrow().remaining());
        assertEquals(4, after.coupon("early").orElseThrow().version());
        assertEquals(m("90.00"), after.coupon("gone").orElseThrow().remaining());
        assertEquals(3, after.coupon("gone").orElseThrow().version());
        assertEquals(m("92.00"), after.available(NOW));
    }

    @Test
    void partlyUsedCouponKeepsItsRemainder_A3() {
        Wallet w = new Wallet(m("50.00"), List.of(coupon("c", "20.00", "20.00", NOW.plusSeconds(60))), 0);
        Charge c = w.plan(m("12.34"), NOW);
        assertEquals(List.of(new CouponDraw("c", m("12.34"), 3)), c.fromCoupons());
        assertEquals(Money.ZERO, c.fromCash());
        Wallet after = w.apply(c);
        assertEquals(m("50.00"), after.cash());
        assertEquals(m("7.66"), after.coupon("c").orElseThrow().remaining());
        assertEquals(m("20.00"), after.coupon("c").orElseThrow().granted());
        assertEquals(m("57.66"), after.available(NOW));

        Charge next = after.plan(m("10.00"), NOW);
        assertEquals(List.of(new CouponDraw("c", m("7.66"), 4)), next.fromCoupons());
        assertEquals(m("2.34"), next.fromCash());
    }

    @Test
    void exactlyAvailableAmountEmptiesWallet_A3() {
        Wallet w = new Wallet(m("1.00"), List.of(coupon("c", "2.00", "0.50", NOW.plusSeconds(60))), 5);
        Wallet after = w.apply(w.plan(m("1.50"), NOW));
        assertEquals(Money.ZERO, after.cash());
        assertEquals(Money.ZERO, after.available(NOW));
    }

    @Test
    void insufficientBalanceIsRefusedAndChangesNothing_A2() {
        Wallet w = new Wallet(m("10.00"), List.of(
                coupon("c", "5.00", "5.00", NOW.plusSeconds(60)),
                coupon("old", "100.00", "100.00", NOW.minusSeconds(60))), 4);
        Wallet before = new Wallet(w.cash(), w.coupons(), w.version());
        BillingException e = assertThrows(BillingException.class, () -> w.plan(m("15.01"), NOW));
        assertEquals(ErrorCode.INSUFFICIENT_BALANCE, e.code());
        assertEquals("15.01", e.extensions().get("required"));
        assertEquals("15.00", e.extensions().get("available"));
        assertEquals(List.of("required", "available"), List.copyOf(e.extensions().keySet()));
        assertEquals(before, w);
    }

    @Test
    void chargeMustBePositive_A3() {
        Wallet w = new Wallet(m("10.00"), List.of(), 0);
        assertThrows(IllegalArgumentException.class, () -> w.plan(Money.ZERO, NOW));
        assertThrows(IllegalArgumentException.class, () -> w.plan(m("-1.00"), NOW));
    }

    @Test
    void cashNeverGoesBelowZero_A4() {
        Wallet w = new Wallet(m("50.00"), List.of(), 0);
        Charge tooMuch = new Charge(m("50.01"), m("50.01"), List.of());
        assertThrows(IllegalStateException.class, () -> w.apply(tooMuch));
        assertThrows(IllegalArgumentException.class, () -> new Wallet(m("-0.01"), List.of(), 0));
    }

    @Test
    void staleOrUnknownCouponDrawIsRefused_A4() {
        Wallet w = new Wallet(m("0.00"), List.of(coupon("c", "5.00", "5.00", NOW.plusSeconds(60))), 0);
        Charge plan = w.plan(m("2.00"), NOW);
        Wallet after = w.apply(plan);
        assertThrows(IllegalStateException.class, () -> after.apply(plan)); // coupon version moved on
        Charge unknown = new Charge(m("1.00"), Money.ZERO, List.of(new CouponDraw("x", m("1.00"), 0)));
        assertThrows(IllegalStateException.class, () -> w.apply(unknown));
        Charge overdraw = new Charge(m("6.00"), Money.ZERO, List.of(new CouponDraw("c", m("6.00"), 3)));
        assertThrows(IllegalStateException.class, () -> w.apply(overdraw));
    }

    @Test
    void chargePartsMustAddUp_A3() {
        assertThrows(IllegalArgumentException.class,
                () -> new Charge(m("3.00"), m("1.00"), List.of(new CouponDraw("c", m("1.00"), 0))));
        assertThrows(IllegalArgumentException.class, () -> new Charge(m("-1.00"), m("-1.00"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CouponDraw("c", Money.ZERO, 0));
    }

    @Test
    void creditAndGrantBumpVersion_A4() {
        Wallet w = Wallet.empty().credit(m("10.00"));
        assertEquals(m("10.00"), w.cash());
        assertEquals(1, w.version());
        Wallet g = w.grant(Coupon.grant("c", m("5.00"), NOW.plusSeconds(60)));
        assertEquals(2, g.version());
        assertEquals(m("15.00"), g.available(NOW));
        assertThrows(IllegalArgumentException.class, () -> w.credit(Money.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> g.grant(Coupon.grant("c", m("1.00"), NOW.plusSeconds(60))));
    }

    @Test
    void couponRemainingStaysWithinGrant_A4() {
        assertThrows(IllegalArgumentException.class, () -> coupon("c", "5.00", "5.01", NOW));
        assertThrows(IllegalArgumentException.class, () -> coupon("c", "5.00", "-0.01", NOW));
        assertThrows(IllegalArgumentException.class, () -> Coupon.grant("c", Money.ZERO, NOW));
    }
}
