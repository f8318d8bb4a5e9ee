package com.edgecloud.billing.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A4: after any sequence of movements the wallet equals what its ledger says. */
class LedgerPropertyTest {

    private static final LedgerEntryType[] CHARGE_TYPES = {LedgerEntryType.ORDER_CHARGE,
            LedgerEntryType.RENEWAL_CHARGE, LedgerEntryType.USAGE_BILL, LedgerEntryType.ARREARS_SETTLEMENT};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2016, 20160229, 987654321})
    void walletAlwaysEqualsItsLedger_A4(long seed) {
        Random random = new Random(seed);
        Instant now = Instant.parse("2016-01-01T00:00:00Z");
        Wallet wallet = Wallet.empty();
        List<LedgerEntry> ledger = new ArrayList<>();
        Set<LedgerEntryType> seen = EnumSet.noneOf(LedgerEntryType.class);
        int refused = 0;
        int couponCount = 0;
        int partialDraws = 0;
        int emptiedCoupons = 0;

        for (int step = 0; step < 500; step++) {
            now = now.plusSeconds(random.nextInt(6 * 3600));
            String id = "e" + step;
            int kind = random.nextInt(10);
            if (kind < 3) {
                Money amount = Money.ofFen(1 + random.nextInt(50_000));
                wallet = wallet.credit(amount);
                ledger.add(LedgerEntry.recharge(id, wallet.version(), now, amount));
            } else if (kind < 5) {
                Coupon c = Coupon.grant("c" + couponCount++, Money.ofFen(1 + random.nextInt(20_000)),
                        now.plusSeconds(random.nextInt(10 * 24 * 3600)));
                wallet = wallet.grant(c);
                ledger.add(LedgerEntry.couponGrant(id, wallet.version(), now, c));
            } else {
                Money available = wallet.available(now);
                // Sometimes ask for more than is available.
                long max = Math.max(1, available.fen() + available.fen() / 5 + 100);
                Money amount = Money.ofFen(1 + (long) (random.nextInt((int) Math.min(max, Integer.MAX_VALUE))));
                Wallet before = wallet;
                Charge charge;
                try {
                    charge = wallet.plan(amount, now);
                } catch (BillingException e) {
                    assertEquals(ErrorCode.INSUFFICIENT_BALANCE, e.code());
                    assertTrue(amount.compareTo(available) > 0);
                    assertEquals(before, wallet);
                    refused++;
                    continue;
                }
                assertEquals(amount, charge.total());
                for (CouponDraw d : charge.fromCoupons()) {
                    Money had = wallet.coupon(d.couponId()).orElseThrow().remaining();
                    if (d.amount().equals(had)) {
                        emptiedCoupons++;
                    } else {
                        partialDraws++;
                    }
                }
                wallet = wallet.apply(charge);
                LedgerEntryType type = CHARGE_TYPES[random.nextInt(CHARGE_TYPES.length)];
                ledger.add(LedgerEntry.charge(id, wallet.version(), now, type, charge, "i" + step, null));
                assertEquals(available.minus(amount), wallet.available(now));
            }
            seen.add(ledger.get(ledger.size() - 1).type());
            assertInvariants(wallet, ledger);
        }
        // The run exercised every kind of movement, refusals included.
        assertEquals(EnumSet.allOf(LedgerEntryType.class), seen);
        assertTrue(refused > 0, "no refused charge in this run");
        assertTrue(emptiedCoupons > 0, "no coupon used up");
        assertTrue(partialDraws > 0, "no coupon partly used");
    }

    private static void assertInvariants(Wallet wallet, List<LedgerEntry> ledger) {
        assertFalse(wallet.cash().isNegative(), "A4: cash below zero");
        assertEquals(wallet.cash(), LedgerBalances.cash(ledger));
        for (Coupon c : wallet.coupons()) {
            assertEquals(c.remaining(), LedgerBalances.couponRemaining(c.id(), c.granted(), ledger), c.id());
            assertFalse(c.remaining().isNegative());
        }
        // sequence is the wallet version after the entry: strictly increasing, last = current version.
        for (int i = 1; i < ledger.size(); i++) {
            assertTrue(ledger.get(i).sequence() > ledger.get(i - 1).sequence());
        }
        assertEquals(wallet.version(), ledger.get(ledger.size() - 1).sequence());
    }
}
