package com.edgecloud.billing.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.RunningConfigurations;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.Purchased;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.CouponDraw;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.Wallet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A4, A5, P2, G2-G6 under a seeded random mix of BALANCE and THIRD_PARTY purchases, pay-by-
 * configuration launches, hourly billing runs, deletes, recharges (settling arrears, G5), coupon
 * grants, duplicate, late and out-of-order callbacks (SUCCEEDED after FAILED, FAILED after
 * SUCCEEDED, wrong amounts) and cancellation sweeps. After every operation: the ledger's cash sums
 * to the cash balance, each coupon's remaining is its grant minus its draws, cash is never negative,
 * every payment is credited at most once (the ledger's credits equal the SUCCEEDED payments), an
 * instance is OVERDUE exactly while it has an unpaid bill (unless released), and the stock plus the
 * servers held or sold, less those released, is what there was.
 */
class PaymentInvariantPropertyTest {

    private static final long SEED = 20261127L;
    private static final int OPERATIONS = 2_000;
    private static final int STOCK = 60;

    private final PaymentWorld world = new PaymentWorld(Instant.parse("2017-05-01T00:00:00Z"), true);
    /** Pay-by-configuration servers by account, and how many were released by their owner. */
    private final Map<String, List<String>> metered = new HashMap<>();
    private int released;
    private final Map<String, Integer> tally = new TreeMap<>();
    private final Random random = new Random(SEED);
    private final List<String> accounts = new ArrayList<>();
    private final String[] spec = world.spec(STOCK);
    private final List<Payment> payments = new ArrayList<>();
    private final Map<String, PaymentStatus> lastSeen = new HashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, Ledger> ledgers = new HashMap<>();
    /** The account whose wallet the last operation may have moved. */
    private String touched;

    /** What the test has read of one account's ledger so far (sequence-ordered, A4). */
    private static final class Ledger {
        long sequence;
        Money cash = Money.ZERO;
        Money paymentCredits = Money.ZERO;
        final Map<String, Money> couponRemaining = new HashMap<>();
    }

    @Test
    void theLedgerTheCouponsThePaymentsAndTheStockStayConsistent_A4_A5_P2() {
        for (int i = 0; i < 3; i++) {
            String account = world.verifiedAccount();
            accounts.add(account);
            ledgers.put(account, new Ledger());
        }
        for (int step = 1; step <= OPERATIONS; step++) {
            String account = accounts.get(random.nextInt(accounts.size()));
            touched = account;
            String what = operate(account, step);
            tally.merge(what.replaceAll("[ :(].*", ""), 1, Integer::sum);
            try {
                check(touched);
                checkStock();
            } catch (AssertionError broken) {
                fail("step " + step + " (" + what + ", seed " + SEED + "): " + broken.getMessage(), broken);
            }
        }
        for (String account : accounts) {
            check(account);
        }
        System.out.println("PaymentInvariantPropertyTest: " + OPERATIONS + " operations, seed " + SEED + ": " + tally);
        long sold = orders.values().stream().filter(o -> current(o).status() == OrderStatus.PAID)
                .mapToLong(Order::quantity).sum();
        long instances = accounts.stream().mapToLong(a -> world.instances.listByAccount(a, 100, null).items().size()
                + pagesAfterFirst(a)).sum();
        assertEquals(sold, instances, "every paid order's servers exist, once");
        assertTrue(payments.stream().anyMatch(p -> lastSeen.get(p.paymentId()) == PaymentStatus.SUCCEEDED));
        assertTrue(orders.values().stream().anyMatch(o -> current(o).status() == OrderStatus.CANCELLED));
    }

    private String operate(String account, int step) {
        int dice = random.nextInt(100);
        try {
            if (dice < 15) {
                Payment p = world.recharge(account, Money.ofFen(1 + random.nextInt(300_000)));
                payments.add(p);
                return "recharge " + p.amount();
            }
            if (dice < 25) {
                remember(world.buyMonthly(account, spec, 1 + random.nextInt(2), PaymentMethod.BALANCE));
                return "balance purchase";
            }
            if (dice < 37) {
                Purchased pending = world.buyMonthly(account, spec, 1 + random.nextInt(3), PaymentMethod.THIRD_PARTY);
                remember(pending);
                payments.add(pending.plan().payment());
                return "third-party purchase";
            }
            if (dice < 41) {
                Purchased launched = world.launch(account, spec);
                remember(launched);
                metered.computeIfAbsent(account, a -> new ArrayList<>()).add(launched.plan().instances().get(0).id());
                return "pay-by-configuration launch";
            }
            if (dice < 47 && !metered.getOrDefault(account, List.of()).isEmpty()) {
                world.clock.set(world.clock.instant().plus(Duration.ofMinutes(30 + random.nextInt(300))));
                var billed = world.usageBilling.billAccount(account, metered.get(account), world.clock.instant());
                return "hourly run: " + billed.bills() + " bills, " + billed.overdue() + " overdue";
            }
            if (dice < 50 && !metered.getOrDefault(account, List.of()).isEmpty()) {
                List<String> servers = metered.get(account);
                String id = servers.get(random.nextInt(servers.size()));
                world.clock.set(world.clock.instant().plusSeconds(1 + random.nextInt(3600)));
                world.deletion.delete(account, id, null);
                servers.remove(id);
                released++;
                return "delete";
            }
            if (dice < 55) {
                Instant expires = world.clock.instant().plus(Duration.ofHours(1 + random.nextInt(2000)));
                world.wallets.grantCoupon(account, Ids.next("cpn"), Money.ofFen(1 + random.nextInt(100_000)), expires,
                        world.clock.instant());
                return "coupon";
            }
            if (dice < 85 && !payments.isEmpty()) {
                // any payment, any order: duplicates, replays, FAILED then SUCCEEDED and the reverse
                Payment p = payments.get(random.nextInt(payments.size()));
                PaymentStatus status = random.nextInt(4) == 0 ? PaymentStatus.FAILED : PaymentStatus.SUCCEEDED;
                if (random.nextInt(20) == 0) {
                    try {
                        world.paymentService.confirm(new PaymentCallback(p.paymentId(), status, p.amount().plus(Money.ofFen(1))));
                        fail("a wrong amount must be refused");
                    } catch (BillingException refused) {
                        assertEquals(ErrorCode.AMOUNT_MISMATCH, refused.code());
                    }
                    return "wrong amount";
                }
                Payment after = world.callback(p, status);
                assertEquals(after.status(), world.payments.find(p.paymentId()).orElseThrow().status(), "as stored");
                PaymentStatus before = lastSeen.put(p.paymentId(), after.status());
                assertFalse(before == PaymentStatus.SUCCEEDED && after.status() != PaymentStatus.SUCCEEDED,
                        "a SUCCEEDED payment never goes back");
                touched = p.accountId();
                if (after.status() == PaymentStatus.SUCCEEDED) {
                    checkSettled(p.accountId());
                }
                return status + " callback";
            }
            world.clock.set(world.clock.instant().plus(Duration.ofMinutes(1 + random.nextInt(40))));
            world.cancellations.cancelDue(world.clock.instant(), 100);
            return "time passes, sweep";
        } catch (BillingException refused) {
            assertTrue(refused.code() == ErrorCode.INSUFFICIENT_BALANCE || refused.code() == ErrorCode.OUT_OF_STOCK
                            || refused.code() == ErrorCode.BELOW_LAUNCH_THRESHOLD,
                    "step " + step + ": unexpected refusal " + refused.code());
            return "refused " + refused.code();
        }
    }

    private void remember(Purchased purchased) {
        orders.put(purchased.plan().order().id(), purchased.plan().order());
    }

    /** A4, A5 on what the ledger gained since the last look. */
    private void check(String account) {
        Ledger known = ledgers.get(account);
        List<LedgerEntry> fresh = new ArrayList<>();
        String token = null;
        outer:
        do {
            var page = world.wallets.ledger(account, 50, token); // newest first
            for (LedgerEntry entry : page.items()) {
                if (entry.sequence() <= known.sequence) {
                    break outer;
                }
                fresh.add(0, entry);
            }
            token = page.nextToken();
        } while (token != null);
        for (LedgerEntry entry : fresh) {
            assertEquals(known.sequence + 1, entry.sequence(), "ledger sequence without gaps");
            known.sequence = entry.sequence();
            known.cash = known.cash.plus(entry.cash());
            if (entry.type() == LedgerEntryType.RECHARGE) {
                known.paymentCredits = known.paymentCredits.plus(entry.cash());
            }
            if (entry.type() == LedgerEntryType.COUPON_GRANT) {
                known.couponRemaining.put(entry.couponId(), entry.coupon());
            }
            for (CouponDraw draw : entry.couponDraws()) {
                known.couponRemaining.merge(draw.couponId(), draw.amount().negate(), Money::plus);
            }
        }
        Wallet wallet = world.accounts.find(account).orElseThrow().wallet();
        assertFalse(wallet.cash().isNegative(), "A4: cash never below zero");
        assertEquals(known.cash, wallet.cash(), "A4: cash balance = the ledger's cash");
        assertEquals(known.sequence, wallet.version());
        for (Coupon coupon : wallet.coupons()) {
            assertEquals(known.couponRemaining.get(coupon.id()), coupon.remaining(),
                    "A4: coupon " + coupon.id() + " = grant - draws");
        }
        Money succeeded = Money.ZERO;
        for (Payment p : payments) {
            if (p.accountId().equals(account) && lastSeen.get(p.paymentId()) == PaymentStatus.SUCCEEDED) {
                succeeded = succeeded.plus(p.amount());
            }
        }
        assertEquals(succeeded, known.paymentCredits, "A5: each SUCCEEDED payment credited exactly once");
        Set<String> owing = new HashSet<>();
        world.bills.unpaidByAccount(account).forEach(bill -> owing.add(bill.instanceId()));
        for (String id : metered.getOrDefault(account, List.of())) {
            var instance = world.instances.find(id).orElseThrow();
            assertEquals(owing.contains(id), instance.billingState() == BillingState.OVERDUE,
                    "G3/G5: " + id + " is OVERDUE exactly while it owes a bill");
        }
        assertEquals(runningOf(account), world.accounts.find(account).orElseThrow().running().bySpec(),
                "G7: the account's counts = its NORMAL pay-by-configuration instances, after launches, deletes, "
                        + "OVERDUE and settlements");
    }

    private Map<String, Long> runningOf(String account) {
        Map<String, Long> running = new TreeMap<>();
        String token = null;
        do {
            var page = world.instances.listByAccount(account, 100, token);
            for (Instance i : page.items()) {
                if (i.billingMethod() == BillingMethod.PAY_BY_CONFIGURATION && i.billingState() == BillingState.NORMAL) {
                    running.merge(RunningConfigurations.keyOf(i.nodeId(), i.specId()), 1L, Long::sum);
                }
            }
            token = page.nextToken();
        } while (token != null);
        return running;
    }

    /** G5: right after a successful callback, the oldest bill still unpaid is more than the balance can pay. */
    private void checkSettled(String account) {
        var unpaid = world.bills.unpaidByAccount(account);
        if (!unpaid.isEmpty()) {
            Wallet wallet = world.accounts.find(account).orElseThrow().wallet();
            assertTrue(wallet.available(world.clock.instant()).isLessThan(unpaid.get(0).amount()),
                    "G5: what a credit could settle, it settled, oldest first");
        }
    }

    /** C2, P2: stock + servers held by waiting orders + servers sold = what there was. */
    private void checkStock() {
        long heldOrSold = 0;
        for (Map.Entry<String, Order> entry : orders.entrySet()) {
            Order order = entry.getValue();
            if (order.status() == OrderStatus.PENDING_PAYMENT) {
                order = current(order);
                entry.setValue(order);
            }
            if (order.status() != OrderStatus.CANCELLED) {
                heldOrSold += order.quantity();
            }
        }
        assertEquals(STOCK, world.catalog.spec(spec[0], spec[1]).orElseThrow().stock() + heldOrSold - released,
                "stock neither lost nor invented");
    }

    private Order current(Order order) {
        return world.purchases.findOrder(order.id()).orElseThrow();
    }

    private int pagesAfterFirst(String account) {
        var first = world.instances.listByAccount(account, 100, null);
        int more = 0;
        String token = first.nextToken();
        while (token != null) {
            var page = world.instances.listByAccount(account, 100, token);
            more += page.items().size();
            token = page.nextToken();
        }
        return more;
    }
}
