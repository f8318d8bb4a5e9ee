package com.edgecloud.purchase;

import static com.edgecloud.purchase.PurchaseApi.monthly;
import static com.edgecloud.purchase.PurchaseApi.newKey;
import static com.edgecloud.purchase.PurchaseApi.payByConfiguration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.purchase.PurchaseApi.Reply;
import com.edgecloud.testing.Fixtures.Buyer;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Purchases that succeed, through the real PurchaseHandler: P2, P3, A2, A3, A4, C2, G1. */
class PurchaseHandlerIntegrationTest extends PurchaseFunctionTest {

    /** T1: API times print with the billing zone's offset. */
    private static final Pattern SHANGHAI_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");

    @Test
    void monthlyPurchaseChargesTheWholePriceOnce_P2() {
        Buyer buyer = fixtures.buyer("5000.00", 10);
        function.clock().set(Instant.parse("2016-01-31T02:00:00Z")); // 10:00 on Jan 31 in Shanghai

        Reply reply = api.post(buyer.account(), newKey(), monthly(buyer.spec(), 2, "MONTH", 2)).assertCreated();

        JsonNode order = reply.json().get("order");
        String orderId = order.get("id").getStringValue();
        assertNotNull(orderId);
        assertEquals("PAID", order.get("status").getStringValue());
        assertEquals("4000.00", order.get("amount").getStringValue(), "1000.00 × 2 months × 2 servers");
        assertEquals("BALANCE", order.get("paymentMethod").getStringValue());
        assertNullField(order, "paymentId");

        JsonNode instances = reply.json().get("instances");
        assertEquals(2, instances.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < instances.size(); i++) {
            JsonNode instance = instances.get(i);
            ids.add(instance.get("id").getStringValue());
            assertEquals(buyer.account(), instance.get("accountId").getStringValue());
            assertEquals(buyer.spec()[0], instance.get("nodeId").getStringValue());
            assertEquals(buyer.spec()[1], instance.get("specId").getStringValue());
            assertEquals("MONTHLY_PACKAGE", instance.get("billingMethod").getStringValue());
            assertEquals("NORMAL", instance.get("billingState").getStringValue());
            assertEquals("RUNNING", instance.get("powerState").getStringValue());
            assertEquals("2016-01-31T10:00:00+08:00", instance.get("termStartsAt").getStringValue(), "the term starts now");
            assertEquals("2016-01-31T10:00:00+08:00", instance.get("createdAt").getStringValue());
            // P3: 23:59:59 in Shanghai of the start's date plus 2 months.
            assertEquals("2016-03-31T23:59:59+08:00", instance.get("expiresAt").getStringValue());
            assertNullField(instance, "overdueSince");
            assertNullField(instance, "releaseAt");
        }
        assertEquals(2, ids.size(), "two distinct instances");

        assertEquals("1000.00", api.cash(buyer.account()).toString());
        assertEquals(8, fixtures.stock(buyer));

        // A4: one ORDER_CHARGE with the negative cash part, and the ledger adds up to the cash.
        List<LedgerEntry> charges = api.ledger(buyer.account(), "ORDER_CHARGE");
        assertEquals(1, charges.size());
        assertEquals("-4000.00", charges.get(0).cash().toString());
        assertEquals("0.00", charges.get(0).coupon().toString());
        assertEquals(orderId, charges.get(0).orderId());
        assertLedgerAddsUpToCash(buyer.account());

        // The order and its instances are stored; the ORDER_PAID notification is in the outbox (N2).
        List<Map<String, AttributeValue>> orders = api.orders(buyer.account());
        assertEquals(1, orders.size());
        assertEquals(orderId, orders.get(0).get("orderId").s());
        assertEquals("PAID", orders.get(0).get("status").s());
        assertEquals(ids, new HashSet<>(api.instances(buyer.account()).stream().map(i -> i.get("instanceId").s()).toList()));
        List<Map<String, AttributeValue>> outbox = api.outbox(buyer.account());
        assertEquals(1, outbox.size());
        assertEquals("ORDER_PAID", outbox.get(0).get("type").s());
        assertEquals(orderId, outbox.get(0).get("orderId").s());

        // P3: each instance's first term is stored with the order, for GET /instances/{id}/terms.
        List<Map<String, AttributeValue>> terms = api.terms(buyer.account());
        assertEquals(ids, new HashSet<>(terms.stream().map(t -> t.get("instanceId").s()).toList()));
        for (Map<String, AttributeValue> term : terms) {
            assertEquals("2016-01-31T02:00:00Z", term.get("termStartsAt").s());
            assertEquals("2016-03-31T15:59:59Z", term.get("expiresAt").s());
            assertEquals("MONTH", term.get("durationUnit").s());
            assertEquals("2", term.get("durationCount").n());
            assertEquals("200000", term.get("amountFen").n(), "2000.00: one server, two months");
            assertEquals(orderId, term.get("orderId").s());
        }
    }

    @Test
    void yearlyPackageChargesTheYearlyPriceTimesYearsTimesQuantity_P2() {
        Buyer buyer = fixtures.buyer("50000.00", 5);
        function.clock().set(Instant.parse("2016-02-29T00:00:00Z")); // 08:00 on Feb 29 in Shanghai

        Reply reply = api.post(buyer.account(), newKey(), monthly(buyer.spec(), 2, "YEAR", 2)).assertCreated();

        assertEquals("40000.00", reply.json().get("order").get("amount").getStringValue(), "10000.00 × 2 years × 2");
        assertEquals("10000.00", api.cash(buyer.account()).toString());
        assertEquals(3, fixtures.stock(buyer));
        JsonNode instance = reply.json().get("instances").get(0);
        assertEquals("2018-02-28T23:59:59+08:00", instance.get("expiresAt").getStringValue(), "P3 in years");
        assertEquals("-40000.00", api.ledger(buyer.account(), "ORDER_CHARGE").get(0).cash().toString());
        assertLedgerAddsUpToCash(buyer.account());
    }

    @Test
    void couponsArePaidFirstEarliestExpiryFirst_A3() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "2000.00");
        Instant now = Instant.now();
        String later = api.coupon(account, "300.00", now.plus(Duration.ofDays(20)));
        String earlier = api.coupon(account, "500.00", now.plus(Duration.ofDays(5)));
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);

        api.post(account, newKey(), monthly(spec, 1, "MONTH", 1)).assertCreated();

        // 1000.00: 500.00 from the earliest-expiring coupon, 300.00 from the other, 200.00 cash.
        assertEquals(Money.ZERO, api.couponRemaining(account, earlier));
        assertEquals(Money.ZERO, api.couponRemaining(account, later));
        assertEquals("1800.00", api.cash(account).toString());
        LedgerEntry charge = api.ledger(account, "ORDER_CHARGE").get(0);
        assertEquals("-200.00", charge.cash().toString());
        assertEquals("-800.00", charge.coupon().toString());
        assertEquals(List.of(earlier, later), charge.couponDraws().stream().map(d -> d.couponId()).toList(),
                "earliest expiry drawn first");
        assertLedgerAddsUpToCash(account);
    }

    @Test
    void aCouponCanBeUsedInPartAndKeepsItsRemainder_A3() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        Instant now = Instant.now();
        String later = api.coupon(account, "800.00", now.plus(Duration.ofDays(30)));
        String earlier = api.coupon(account, "500.00", now.plus(Duration.ofDays(3)));
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);

        api.post(account, newKey(), monthly(spec, 1, "MONTH", 1)).assertCreated();

        // 1000.00: all 500.00 of the earlier coupon, then 500.00 of the later one; no cash.
        assertEquals(Money.ZERO, api.couponRemaining(account, earlier));
        assertEquals("300.00", api.couponRemaining(account, later).toString());
        assertEquals("100.00", api.cash(account).toString());
        LedgerEntry charge = api.ledger(account, "ORDER_CHARGE").get(0);
        assertEquals("0.00", charge.cash().toString());
        assertEquals("-1000.00", charge.coupon().toString());
        // A2: the remainder still counts as available balance.
        assertEquals("400.00", fixtures.account(account).wallet().available(Instant.now()).toString());
        assertLedgerAddsUpToCash(account);
    }

    @Test
    void aChargeDrawsHundredsOfCouponsInOneTransaction_A3() {
        String account = fixtures.verifiedAccount();
        Instant expiry = Instant.parse("2099-01-01T00:00:00Z");
        for (int i = 0; i < 350; i++) {
            api.coupon(account, "3.00", expiry);
        }
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);

        api.post(account, newKey(), monthly(spec, 1, "MONTH", 1)).assertCreated();

        // 1000.00 takes 333 coupons whole and 1.00 of the 334th; the used-up ones leave the wallet.
        assertEquals(17, fixtures.account(account).wallet().coupons().size());
        assertEquals("50.00", fixtures.account(account).wallet().couponBalance(Instant.now()).toString());
        LedgerEntry charge = api.ledger(account, "ORDER_CHARGE").get(0);
        assertEquals("-1000.00", charge.coupon().toString());
        assertEquals(334, charge.couponDraws().size());
    }

    @Test
    void expiredCouponsAreNeitherCountedNorDrawn_A2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "1500.00");
        String expired = api.coupon(account, "1000.00", Instant.now().minus(Duration.ofDays(1)));
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);

        api.post(account, newKey(), monthly(spec, 1, "MONTH", 1)).assertCreated();

        assertTrue(fixtures.account(account).wallet().coupon(expired).isEmpty(),
                "an expired coupon is not drawn: the charge pruned it from the wallet");
        assertEquals("500.00", api.cash(account).toString());
        LedgerEntry charge = api.ledger(account, "ORDER_CHARGE").get(0);
        assertEquals("-1000.00", charge.cash().toString());
        assertEquals("0.00", charge.coupon().toString());
        assertTrue(charge.couponDraws().isEmpty());
    }

    @Test
    void payByConfigurationChargesNothingAtLaunchAndTakesStock_G1() {
        Buyer buyer = fixtures.buyer("80.00", 4);

        Reply reply = api.post(buyer.account(), newKey(), payByConfiguration(buyer.spec(), 3)).assertCreated();

        JsonNode order = reply.json().get("order");
        assertEquals("PAID", order.get("status").getStringValue());
        assertEquals("0.00", order.get("amount").getStringValue());
        JsonNode instances = reply.json().get("instances");
        assertEquals(3, instances.size());
        for (int i = 0; i < instances.size(); i++) {
            JsonNode instance = instances.get(i);
            assertEquals("PAY_BY_CONFIGURATION", instance.get("billingMethod").getStringValue());
            assertEquals("NORMAL", instance.get("billingState").getStringValue());
            assertEquals("RUNNING", instance.get("powerState").getStringValue());
            assertTrue(SHANGHAI_TIME.matcher(instance.get("termStartsAt").getStringValue()).matches());
            assertNullField(instance, "expiresAt");
        }
        assertEquals("80.00", api.cash(buyer.account()).toString(), "nothing charged at launch");
        assertTrue(api.ledger(buyer.account(), "ORDER_CHARGE").isEmpty());
        assertEquals(1, fixtures.stock(buyer));
        assertEquals(3, api.instances(buyer.account()).size());
        assertEquals("ORDER_PAID", api.outbox(buyer.account()).get(0).get("type").s());
    }

    @Test
    void aHundredServersMoreThanOneTransactionHoldsAreAllCreatedAndTakeAHundredStock_P2_C2() {
        Buyer buyer = fixtures.buyer("100000.00", 150);

        Reply reply = api.post(buyer.account(), newKey(), monthly(buyer.spec(), 100, "MONTH", 1)).assertCreated();

        assertEquals("100000.00", reply.json().get("order").get("amount").getStringValue());
        JsonNode instances = reply.json().get("instances");
        assertEquals(100, instances.size());
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < instances.size(); i++) {
            answered.add(instances.get(i).get("id").getStringValue());
        }
        assertEquals(100, answered.size());
        Set<String> stored = new HashSet<>(api.instances(buyer.account()).stream().map(i -> i.get("instanceId").s()).toList());
        assertEquals(answered, stored, "exactly the 100 answered instances are stored");
        List<Map<String, AttributeValue>> terms = api.terms(buyer.account());
        assertEquals(answered, new HashSet<>(terms.stream().map(t -> t.get("instanceId").s()).toList()),
                "each instance has its first term, also those written after the transaction");
        String orderId = reply.json().get("order").get("id").getStringValue();
        for (Map<String, AttributeValue> term : terms) {
            assertEquals(orderId, term.get("orderId").s());
            assertEquals("100000", term.get("amountFen").n(), "1000.00: one server's share of the order");
        }
        assertEquals(50, fixtures.stock(buyer));
        assertEquals("0.00", api.cash(buyer.account()).toString());
        assertEquals(1, api.ledger(buyer.account(), "ORDER_CHARGE").size());
        assertEquals(answered, new HashSet<>(api.orders(buyer.account()).get(0).get("instanceIds").l().stream()
                .map(AttributeValue::s).toList()));
    }

    @Test
    void aHundredPayByConfigurationServersAreAllCreated_G1_C2() {
        Buyer buyer = fixtures.buyer("50.00", 100);

        Reply reply = api.post(buyer.account(), newKey(), payByConfiguration(buyer.spec(), 100)).assertCreated();

        assertEquals(100, reply.json().get("instances").size());
        assertEquals(100, api.instances(buyer.account()).size());
        assertEquals(0, fixtures.stock(buyer));
        assertEquals("50.00", api.cash(buyer.account()).toString());
    }

    @Test
    void aChargeMayDrawMoreCouponsThanATransactionHoldsItems_A3() {
        String account = fixtures.verifiedAccount();
        for (int i = 0; i < 120; i++) {
            api.coupon(account, "10.00", Instant.now().plus(Duration.ofDays(1)).plusSeconds(i));
        }
        fixtures.recharge(account, "1000.00");
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);

        api.post(account, newKey(), monthly(spec, 1, "MONTH", 2)).assertCreated();

        assertEquals("0.00", fixtures.account(account).wallet().couponBalance(Instant.now()).toString());
        assertEquals("200.00", api.cash(account).toString());
        assertLedgerAddsUpToCash(account);
    }

    @Test
    void paymentMethodDefaultsToBalance_P2() {
        Buyer buyer = fixtures.buyer("1000.00", 1);
        String body = "{\"nodeId\":\"" + buyer.spec()[0] + "\",\"specId\":\"" + buyer.spec()[1] + "\",\"quantity\":1,"
                + "\"billingMethod\":\"MONTHLY_PACKAGE\",\"duration\":{\"unit\":\"MONTH\",\"count\":1}}";

        Reply reply = api.post(buyer.account(), newKey(), body).assertCreated();

        assertEquals("BALANCE", reply.json().get("order").get("paymentMethod").getStringValue());
        assertEquals("0.00", api.cash(buyer.account()).toString());
    }

    /** A4: the cash balance equals the sum of the ledger's cash amounts. */
    static void assertLedgerAddsUpToCash(String account) {
        Money sum = Money.sum(api.ledger(account).stream().map(LedgerEntry::cash).toList());
        assertEquals(api.cash(account), sum, "A4: ledger cash sum equals the cash balance");
        assertFalse(api.cash(account).isNegative());
    }

    /** SPEC §11: absent fields are null, present in the JSON. */
    static void assertNullField(JsonNode object, String field) {
        JsonNode value = object.get(field);
        assertTrue(value != null && value.isNull(), field + " is null in " + object);
    }
}
