package com.edgecloud.purchase;

import static com.edgecloud.purchase.PurchaseApi.monthly;
import static com.edgecloud.purchase.PurchaseApi.newKey;
import static com.edgecloud.purchase.PurchaseApi.payByConfiguration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.Fixtures.Buyer;
import com.edgecloud.purchase.PurchaseApi.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of a purchase answers problem+json with its SPEC §9 code and writes
 * nothing: not the account, wallet, orders, instances, outbox or stock, and not the
 * idempotency record either, so the same key works once the cause is fixed.
 */
class PurchaseRefusalsIntegrationTest extends PurchaseFunctionTest {

    /** Posts, expects the refusal, and proves that nothing at all was written. */
    static Reply refusedWithNothingWritten(String account, String[] spec, String key, String body, int status,
                                          String code) {
        Fixtures.Snapshot before = api.snapshot(account, spec);
        assertTrue(before.idempotency().isEmpty(), "no idempotency record before");
        Reply reply = api.post(account, key, body).assertProblem(status, code);
        assertEquals(before, api.snapshot(account, spec), "nothing written by a refused purchase");
        return reply;
    }

    static Reply refusedWithNothingWritten(Buyer buyer, String key, String body, int status, String code) {
        return refusedWithNothingWritten(buyer.account(), buyer.spec(), key, body, status, code);
    }

    @Test
    void anAccountNotActivatedCannotPurchase_A1() {
        String account = fixtures.account(false, Verification.PERSONAL);
        fixtures.recharge(account, "5000.00");
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        String key = newKey();
        String body = monthly(spec, 1, "MONTH", 1);

        Reply reply = refusedWithNothingWritten(account, spec, key, body, 403, "ACCOUNT_NOT_ACTIVE");
        assertEquals("A1", reply.json().get("rule").getStringValue());

        activate(account, Verification.PERSONAL);
        api.post(account, key, body).assertCreated();
        assertEquals(4, fixtures.stock(spec[0], spec[1]));
    }

    @Test
    void anAccountThatWasNeverCreatedCannotPurchase_A1() {
        String account = Ids.next("acct");
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);

        refusedWithNothingWritten(account, spec, newKey(), monthly(spec, 1, "MONTH", 1), 403, "ACCOUNT_NOT_ACTIVE");

        assertTrue(fixtures.accounts.find(account).isEmpty(), "no account was created");
    }

    @Test
    void anAccountNotVerifiedCannotPurchase_A1() {
        String account = fixtures.account(true, Verification.NONE);
        fixtures.recharge(account, "5000.00");
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        String key = newKey();
        String body = monthly(spec, 1, "MONTH", 1);

        refusedWithNothingWritten(account, spec, key, body, 403, "ACCOUNT_NOT_VERIFIED");

        activate(account, Verification.ENTERPRISE);
        api.post(account, key, body).assertCreated();
        assertEquals("4000.00", api.cash(account).toString());
    }

    @Test
    void anAccountNotVerifiedCannotLaunchPayByConfigurationEither_A1() {
        String account = fixtures.account(true, Verification.NONE);
        fixtures.recharge(account, "500.00");
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);

        refusedWithNothingWritten(account, spec, newKey(), payByConfiguration(spec, 1), 403, "ACCOUNT_NOT_VERIFIED");
    }

    @Test
    void aNodeUnderConstructionDoesNotSell_C1() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "5000.00");
        String[] spec = fixtures.nodeWithSpec(NodeStatus.UNDER_CONSTRUCTION, 5);
        String key = newKey();
        String body = monthly(spec, 1, "MONTH", 1);

        refusedWithNothingWritten(account, spec, key, body, 409, "NODE_NOT_OPEN");

        fixtures.catalog.saveNode(new Node(spec[0], "Test node", "East China", "Shanghai", 31.2304, 121.4737,
                NodeStatus.OPEN));
        api.post(account, key, body).assertCreated();
    }

    @Test
    void anUnknownNodeIsNotFound_C1() {
        Buyer buyer = fixtures.buyer("5000.00", 5);
        String[] unknownNode = {Ids.next("node"), buyer.spec()[1]};

        refusedWithNothingWritten(buyer, newKey(), monthly(unknownNode, 1, "MONTH", 1), 404, "NOT_FOUND");
    }

    @Test
    void anUnknownSpecOfAnOpenNodeIsNotFound_C2() {
        Buyer buyer = fixtures.buyer("5000.00", 5);
        String[] unknownSpec = {buyer.spec()[0], Ids.next("spec")};

        refusedWithNothingWritten(buyer, newKey(), monthly(unknownSpec, 1, "MONTH", 1), 404, "NOT_FOUND");
    }

    @Test
    void lessStockThanTheQuantityIsRefused_C2() {
        Buyer buyer = fixtures.buyer("5000.00", 2);
        String key = newKey();
        String body = monthly(buyer.spec(), 3, "MONTH", 1);

        Reply reply = refusedWithNothingWritten(buyer, key, body, 409, "OUT_OF_STOCK");
        assertEquals(2, reply.json().get("available").getIntValue());
        assertEquals(3, reply.json().get("requested").getIntValue());

        restock(buyer.spec(), 3);
        api.post(buyer.account(), key, body).assertCreated();
        assertEquals(0, fixtures.stock(buyer));
    }

    @Test
    void aSoldOutSpecIsRefusedForPayByConfigurationToo_C2() {
        Buyer buyer = fixtures.buyer("5000.00", 0);

        refusedWithNothingWritten(buyer, newKey(), payByConfiguration(buyer.spec(), 1), 409, "OUT_OF_STOCK");
    }

    @Test
    void tooLittleBalanceIsRefusedThenTheSameKeySucceedsAfterARecharge_P2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "1500.00");
        api.coupon(account, "400.00", Instant.now().plus(Duration.ofDays(10)));
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        String key = newKey();
        String body = monthly(spec, 1, "MONTH", 2);

        Reply reply = refusedWithNothingWritten(account, spec, key, body, 402, "INSUFFICIENT_BALANCE");
        assertEquals("2000.00", reply.json().get("required").getStringValue());
        assertEquals("1900.00", reply.json().get("available").getStringValue(), "A2: cash + coupon");

        fixtures.recharge(account, "100.00");
        Reply paid = api.post(account, key, body).assertCreated();
        assertEquals("2000.00", paid.json().get("order").get("amount").getStringValue());
        assertEquals("0.00", api.cash(account).toString());
        assertEquals(4, fixtures.stock(spec[0], spec[1]));
        assertEquals(1, api.orders(account).size());
    }

    @Test
    void anExpiredCouponDoesNotMakeUpTheBalance_A2_P2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "600.00");
        api.coupon(account, "1000.00", Instant.now().minus(Duration.ofMinutes(1)));
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);

        Reply reply = refusedWithNothingWritten(account, spec, newKey(), monthly(spec, 1, "MONTH", 1), 402,
                "INSUFFICIENT_BALANCE");
        assertEquals("600.00", reply.json().get("available").getStringValue());
    }

    @Test
    void payByConfigurationBelowTheLaunchThresholdIsRefused_G1() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "29.99");
        api.coupon(account, "20.00", Instant.now().plus(Duration.ofDays(10)));
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        String key = newKey();
        String body = payByConfiguration(spec, 1);

        Reply reply = refusedWithNothingWritten(account, spec, key, body, 402, "BELOW_LAUNCH_THRESHOLD");
        assertEquals("50.00", reply.json().get("required").getStringValue());
        assertEquals("49.99", reply.json().get("available").getStringValue());

        fixtures.recharge(account, "0.01");
        api.post(account, key, body).assertCreated();
        assertEquals("30.00", api.cash(account).toString(), "nothing is charged at launch");
    }

    @Test
    void payByConfigurationWithExactlyTheThresholdInCashAndCouponLaunches_G1() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "30.00");
        String coupon = api.coupon(account, "20.00", Instant.now().plus(Duration.ofDays(10)));
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);

        Reply reply = api.post(account, newKey(), payByConfiguration(spec, 2)).assertCreated();

        assertEquals("0.00", reply.json().get("order").get("amount").getStringValue());
        assertEquals("30.00", api.cash(account).toString());
        assertEquals("20.00", api.couponRemaining(account, coupon).toString());
        assertEquals(3, fixtures.stock(spec[0], spec[1]));
    }

    @Test
    void anExpiredCouponDoesNotCountTowardsTheLaunchThreshold_A2_G1() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "49.00");
        api.coupon(account, "100.00", Instant.now().minus(Duration.ofMinutes(1)));
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);

        refusedWithNothingWritten(account, spec, newKey(), payByConfiguration(spec, 1), 402, "BELOW_LAUNCH_THRESHOLD");
    }

    @Test
    void withoutJwtClaimsTheCallerIsUnauthenticated() {
        Buyer buyer = fixtures.buyer("5000.00", 5);
        Fixtures.Snapshot before = api.snapshot(buyer);

        api.post(null, newKey(), monthly(buyer.spec(), 1, "MONTH", 1)).assertProblem(401, "UNAUTHENTICATED");

        assertEquals(before, api.snapshot(buyer));
    }

    @Test
    void aBlankSubjectClaimIsUnauthenticated() {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        api.post(" ", newKey(), monthly(spec, 1, "MONTH", 1)).assertProblem(401, "UNAUTHENTICATED");
        api.post("", newKey(), monthly(spec, 1, "MONTH", 1)).assertProblem(401, "UNAUTHENTICATED");
        assertEquals(5, fixtures.stock(spec[0], spec[1]));
    }

    @Test
    void withoutJwtClaimsEvenAnInvalidBodyIsUnauthenticated() {
        api.post(null, null, "not json").assertProblem(401, "UNAUTHENTICATED");
    }

    private static void activate(String account, Verification verification) {
        fixtures.accounts.saveProfile(account, true, verification,
                new Contact("Test User", "+8613800000000", "t@example.com"), Instant.now());
    }

    private static void restock(String[] spec, int stock) {
        Spec current = fixtures.catalog.spec(spec[0], spec[1]).orElseThrow();
        fixtures.saveSpec(new Spec(current.nodeId(), current.specId(), current.name(), current.hardware(),
                current.monthlyPrice(), current.yearlyPrice(), current.hourlyPrice(), stock));
    }
}
