package com.edgecloud.billing.wallet;

import com.edgecloud.billing.money.Money;
import java.util.List;

/** A4: balances recomputed from the ledger alone. */
public final class LedgerBalances {

    private LedgerBalances() {
    }

    /** A4: cash balance = sum of the ledger's cash amounts. */
    public static Money cash(List<LedgerEntry> entries) {
        Money sum = Money.ZERO;
        for (LedgerEntry e : entries) {
            sum = sum.plus(e.cash());
        }
        return sum;
    }

    /** Total the ledger charged to one coupon (positive). */
    public static Money couponDrawn(String couponId, List<LedgerEntry> entries) {
        Money sum = Money.ZERO;
        for (LedgerEntry e : entries) {
            for (CouponDraw d : e.couponDraws()) {
                if (d.couponId().equals(couponId)) {
                    sum = sum.plus(d.amount());
                }
            }
        }
        return sum;
    }

    /** A4: a coupon's remaining value = its grant minus the ledger's amounts charged to it. */
    public static Money couponRemaining(String couponId, Money granted, List<LedgerEntry> entries) {
        return granted.minus(couponDrawn(couponId, entries));
    }
}
