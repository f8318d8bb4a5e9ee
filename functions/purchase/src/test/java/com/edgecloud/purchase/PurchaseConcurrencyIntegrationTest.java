package com.edgecloud.purchase;

import static com.edgecloud.testing.StartGate.concurrently;
import static com.edgecloud.purchase.PurchaseApi.monthly;
import static com.edgecloud.purchase.PurchaseApi.newKey;
import static com.edgecloud.purchase.PurchaseApi.payByConfiguration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.Fixtures.Buyer;
import com.edgecloud.purchase.PurchaseApi.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Purchases at the same moment through the same handler: never oversold (C2), never
 * double-spent, cash never below zero and always the sum of the ledger (A4).
 */
class PurchaseConcurrencyIntegrationTest extends PurchaseFunctionTest {

    @Test
    void twentyBuyersOfTheLastFiveServersGetExactlyFive_C2() throws Exception {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String account = fixtures.verifiedAccount();
            fixtures.recharge(account, "1000.00");
            buyers.add(account);
        }
        List<Fixtures.Snapshot> before = buyers.stream().map(a -> api.snapshot(a, spec)).toList();

        List<Reply> replies = concurrently(20, i -> api.post(buyers.get(i), newKey(), monthly(spec, 1, "MONTH", 1)));

        int sold = 0;
        for (int i = 0; i < replies.size(); i++) {
            Reply reply = replies.get(i);
            String buyer = buyers.get(i);
            if (reply.status == 201) {
                sold++;
                assertEquals("0.00", api.cash(buyer).toString());
                assertEquals(1, api.orders(buyer).size());
                assertEquals(1, api.instances(buyer).size());
            } else {
                reply.assertProblem(409, "OUT_OF_STOCK");
                Fixtures.Snapshot after = api.snapshot(buyer, spec);
                Fixtures.Snapshot was = before.get(i);
                assertEquals(new Fixtures.Snapshot(was.account(), was.wallet(), was.orders(), was.instances(),
                        was.outbox(), was.idempotency(), 0, was.terms(), was.operations()), after, "a refused buyer has nothing written");
            }
        }
        assertEquals(5, sold, "exactly the stock is sold");
        assertEquals(0, fixtures.stock(spec[0], spec[1]), "stock ends at 0, never negative");
    }

    @Test
    void twentyConcurrentPurchasesOfOneAccountForAStockOfFiveSellExactlyFive_C2_A4() throws Exception {
        Buyer buyer = fixtures.buyer("100000.00", 5);

        List<Reply> replies = concurrently(20, i -> api.post(buyer.account(), newKey(), monthly(buyer.spec(), 1, "MONTH", 1)));

        Map<Integer, Integer> byStatus = statuses(replies);
        replies.stream().filter(r -> r.status != 201).forEach(r -> r.assertProblem(409, "OUT_OF_STOCK"));
        assertEquals(5, byStatus.getOrDefault(201, 0), byStatus.toString());
        assertEquals(0, fixtures.stock(buyer));
        assertEquals("95000.00", api.cash(buyer.account()).toString());
        assertEquals(5, api.orders(buyer.account()).size());
        assertEquals(5, api.instances(buyer.account()).size());
        assertEquals(5, api.ledger(buyer.account(), "ORDER_CHARGE").size());
        assertLedgerAddsUp(buyer.account());
        assertTrue(api.snapshot(buyer).idempotency().size() == 5, "only the sold purchases keep their key");
    }

    @Test
    void tenConcurrentPurchasesWithMoneyForThreeSucceedExactlyThreeTimes_P2_A4() throws Exception {
        Buyer buyer = fixtures.buyer("3500.00", 100);

        List<Reply> replies = concurrently(10, i -> api.post(buyer.account(), newKey(), monthly(buyer.spec(), 1, "MONTH", 1)));

        Map<Integer, Integer> byStatus = statuses(replies);
        replies.stream().filter(r -> r.status != 201).forEach(r -> r.assertProblem(402, "INSUFFICIENT_BALANCE"));
        assertEquals(3, byStatus.getOrDefault(201, 0), byStatus.toString());
        assertEquals("500.00", api.cash(buyer.account()).toString());
        assertEquals(97, fixtures.stock(buyer));
        assertEquals(3, api.orders(buyer.account()).size());
        assertEquals(3, api.ledger(buyer.account(), "ORDER_CHARGE").size());
        assertLedgerAddsUp(buyer.account());
    }

    @Test
    void concurrentPurchasesSpendCouponsAndCashExactlyOnce_A3_A4() throws Exception {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "1200.00");
        Instant now = Instant.now();
        String first = api.coupon(account, "700.00", now.plus(Duration.ofDays(2)));
        String second = api.coupon(account, "1100.00", now.plus(Duration.ofDays(9)));
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 100);

        // 3000.00 available, 1000.00 each: exactly three succeed whatever their order.
        List<Reply> replies = concurrently(8, i -> api.post(account, newKey(), monthly(spec, 1, "MONTH", 1)));

        Map<Integer, Integer> byStatus = statuses(replies);
        replies.stream().filter(r -> r.status != 201).forEach(r -> r.assertProblem(402, "INSUFFICIENT_BALANCE"));
        assertEquals(3, byStatus.getOrDefault(201, 0), byStatus.toString());
        assertEquals(Money.ZERO, api.couponRemaining(account, first));
        assertEquals(Money.ZERO, api.couponRemaining(account, second));
        assertEquals(Money.ZERO, api.cash(account));
        List<LedgerEntry> charges = api.ledger(account, "ORDER_CHARGE");
        assertEquals(3, charges.size());
        assertEquals("-1800.00", Money.sum(charges.stream().map(LedgerEntry::coupon).toList()).toString());
        assertEquals("-1200.00", Money.sum(charges.stream().map(LedgerEntry::cash).toList()).toString());
        assertLedgerAddsUp(account);
    }

    @Test
    void purchasesAndRechargesAtTheSameTimeKeepTheLedgerEqualToTheCash_A4() throws Exception {
        Buyer buyer = fixtures.buyer("5000.00", 100);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> purchases = new ArrayList<>();
            List<Future<?>> recharges = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                purchases.add(pool.submit(() -> {
                    go.await();
                    return api.post(buyer.account(), newKey(), monthly(buyer.spec(), 1, "MONTH", 1));
                }));
                recharges.add(pool.submit(() -> {
                    go.await();
                    fixtures.wallets.recharge(buyer.account(), Money.parse("100.00"), Instant.now());
                    return null;
                }));
            }
            go.countDown();
            for (Future<Reply> purchase : purchases) {
                purchase.get(120, TimeUnit.SECONDS).assertCreated();
            }
            for (Future<?> recharge : recharges) {
                recharge.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals("500.00", api.cash(buyer.account()).toString(), "5000 + 5 × 100 − 5 × 1000");
        assertEquals(5, api.ledger(buyer.account(), "ORDER_CHARGE").size());
        assertLedgerAddsUp(buyer.account());
    }

    @Test
    void concurrentPayByConfigurationLaunchesNeverOversell_G1_C2() throws Exception {
        Buyer buyer = fixtures.buyer("50.00", 7);

        List<Reply> replies = concurrently(12, i -> api.post(buyer.account(), newKey(), payByConfiguration(buyer.spec(), 1)));

        Map<Integer, Integer> byStatus = statuses(replies);
        replies.stream().filter(r -> r.status != 201).forEach(r -> r.assertProblem(409, "OUT_OF_STOCK"));
        assertEquals(7, byStatus.getOrDefault(201, 0), byStatus.toString());
        assertEquals(0, fixtures.stock(buyer));
        assertEquals(7, api.instances(buyer.account()).size());
        assertEquals("50.00", api.cash(buyer.account()).toString());
    }

    private static Map<Integer, Integer> statuses(List<Reply> replies) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        replies.forEach(r -> byStatus.merge(r.status, 1, Integer::sum));
        return byStatus;
    }

    /** A4: the cash balance is the sum of the ledger's cash amounts, and never negative. */
    private static void assertLedgerAddsUp(String account) {
        Money cash = api.cash(account);
        assertEquals(cash, Money.sum(api.ledger(account).stream().map(LedgerEntry::cash).toList()));
        assertFalse(cash.isNegative());
    }
}
