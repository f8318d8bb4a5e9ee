package com.edgecloud.payment;

import static com.edgecloud.testing.StartGate.concurrently;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.dynamodb.DynamoPaymentStore;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.CallbackSignature;
import com.edgecloud.billing.payment.OrderCancellations;
import com.edgecloud.billing.payment.PaymentStatus;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import com.edgecloud.testing.Fixtures;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * POST /payments/callback through PaymentCallbackFunction's real handler, on one context with the
 * purchase and account routes, so a THIRD_PARTY purchase or a recharge is followed to its callback.
 */
class PaymentCallbackIntegrationTest {

    static final String LOCAL_SECRET = "local-callback-secret";
    static final Instant PLACED = Instant.parse("2016-01-01T07:00:00Z");
    static final Instant CONFIRMED = Instant.parse("2016-01-31T02:30:00Z"); // 10:30 in Shanghai
    static final Fixtures fixtures = new Fixtures();
    static FunctionHarness function;
    static HandlerApi api;
    static DynamoPaymentStore payments;

    @BeforeAll
    static void start() {
        function = new FunctionHarness(PaymentCallbackHandler::new, Map.of("payments.callback-secret", LOCAL_SECRET));
        api = new HandlerApi(function);
        payments = new DynamoPaymentStore(fixtures.dynamo, fixtures.tables,
                new DynamoIdempotencyStore(fixtures.dynamo, fixtures.tables));
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    // ---- signature (A5) ----------------------------------------------------------------------

    @Test
    void aCallbackNotSignedWithTheSharedSecretIsRefusedAndChangesNothing_A5() {
        String account = fixtures.verifiedAccount();
        String paymentId = recharge(account, "100.00");
        String body = callbackBody(paymentId, "SUCCEEDED", "100.00");
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("missing", null);
        refused.put("not hex", "zz-not-a-signature");
        refused.put("empty", "");
        refused.put("other secret", sign("another-secret", body));
        refused.put("truncated", sign(LOCAL_SECRET, body).substring(0, 32));
        refused.put("signed another body", sign(LOCAL_SECRET, callbackBody(paymentId, "SUCCEEDED", "100.0")));
        refused.forEach((why, signature) -> {
            APIGatewayV2HTTPResponse response = callback(body, signature);
            assertEquals(401, response.getStatusCode(), why + ": " + response.getBody());
            api.problem(response, 401, "UNAUTHENTICATED");
        });
        // the body altered after signing: amount changed under a valid signature of the original
        String signed = sign(LOCAL_SECRET, body);
        api.problem(callback(body.replace("100.00", "900.00"), signed), 401, "UNAUTHENTICATED");
        assertEquals(PaymentStatus.PENDING, payments.find(paymentId).orElseThrow().status());
        assertEquals(Money.ZERO, cash(account));
        assertTrue(ledger(account).isEmpty());
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        String body = callbackBody("pay-" + UUID.randomUUID().toString().substring(0, 8), "SUCCEEDED", "1.00");
        api.problem(callback(body, sign(LOCAL_SECRET, body)), 404, "NOT_FOUND");
    }

    @Test
    void anAmountOtherThanThePaymentsIsRefusedAndChangesNothing_AMOUNT_MISMATCH() {
        String account = fixtures.verifiedAccount();
        String paymentId = recharge(account, "100.00");
        api.problem(signedCallback(paymentId, "SUCCEEDED", "100.01"), 422, "AMOUNT_MISMATCH");
        api.problem(signedCallback(paymentId, "FAILED", "99.99"), 422, "AMOUNT_MISMATCH");
        assertEquals(PaymentStatus.PENDING, payments.find(paymentId).orElseThrow().status());
        assertEquals(Money.ZERO, cash(account));
    }

    @Test
    void malformedOrOversizedBodiesAreRefused() {
        String notJson = "{\"paymentId\":";
        api.problem(callback(notJson, sign(LOCAL_SECRET, notJson)), 400, "VALIDATION_FAILED");
        String pending = callbackBody("pay-x", "PENDING", "1.00");
        api.problem(callback(pending, sign(LOCAL_SECRET, pending)), 400, "VALIDATION_FAILED");
        String huge = "{\"paymentId\":\"pay-x\",\"status\":\"SUCCEEDED\",\"amount\":\"1.00\",\"pad\":\""
                + "x".repeat(5000) + "\"}";
        api.problem(callback(huge, sign(LOCAL_SECRET, huge)), 400, "VALIDATION_FAILED");
    }

    // ---- recharge (A4, A5) ---------------------------------------------------------------------

    @Test
    void aRechargeIsCreditedOnlyByItsSignedCallbackAndOnlyOnce_A5() {
        String account = fixtures.verifiedAccount();
        APIGatewayV2HTTPResponse created = api.call("account-recharge.json", "POST", "/account/recharges",
                "{\"amount\":\"250.50\"}", account, "[user]", Map.of("idempotency-key", UUID.randomUUID().toString()));
        JsonNode payment = api.ok(created, 201);
        assertEquals("250.50", payment.get("amount").getStringValue());
        assertEquals("PENDING", payment.get("status").getStringValue());
        String paymentId = payment.get("paymentId").getStringValue();
        assertEquals(Money.ZERO, cash(account), "nothing credited before the callback");

        for (int i = 0; i < 3; i++) { // the first applies; replays answer the same and change nothing
            JsonNode answer = api.ok(signedCallback(paymentId, "SUCCEEDED", "250.50"), 200);
            assertEquals(paymentId, answer.get("paymentId").getStringValue());
            assertEquals("SUCCEEDED", answer.get("status").getStringValue());
            assertEquals("250.50", answer.get("amount").getStringValue());
        }
        assertEquals(Money.parse("250.50"), cash(account));
        List<LedgerEntry> ledger = ledger(account);
        assertEquals(1, ledger.size());
        assertEquals(LedgerEntryType.RECHARGE, ledger.get(0).type());
        assertEquals(Money.parse("250.50"), ledger.get(0).cash());
        // a FAILED arriving after the success changes nothing: the provider has the money
        assertEquals("SUCCEEDED", api.ok(signedCallback(paymentId, "FAILED", "250.50"), 200).get("status").getStringValue());
        assertEquals(Money.parse("250.50"), cash(account));
    }

    @Test
    void rechargeAmountsOutsideTheRangeOrWithoutAKeyAreRefused() {
        String account = fixtures.verifiedAccount();
        for (String body : List.of("{\"amount\":\"0.00\"}", "{\"amount\":\"1000000.01\"}", "{\"amount\":\"1.001\"}",
                "{\"amount\":100}", "{}", "{\"amount\":\"5.00\",\"bonus\":\"1\"}")) {
            api.problem(api.call("account-recharge.json", "POST", "/account/recharges", body, account, "[user]",
                    Map.of("idempotency-key", UUID.randomUUID().toString())), 400, "VALIDATION_FAILED");
        }
        api.problem(api.call("account-recharge.json", "POST", "/account/recharges", "{\"amount\":\"5.00\"}", account,
                "[user]", Map.of()), 400, "VALIDATION_FAILED");
        api.ok(api.call("account-recharge.json", "POST", "/account/recharges", "{\"amount\":\"1000000.00\"}", account,
                "[user]", Map.of("idempotency-key", UUID.randomUUID().toString())), 201);
        api.problem(api.call("account-recharge.json", "POST", "/account/recharges", "{\"amount\":\"5.00\"}", null,
                null, Map.of("idempotency-key", UUID.randomUUID().toString())), 401, "UNAUTHENTICATED");
    }

    @Test
    void aFailedRechargeStaysUnpaid() {
        String account = fixtures.verifiedAccount();
        String paymentId = recharge(account, "80.00");
        assertEquals("FAILED", api.ok(signedCallback(paymentId, "FAILED", "80.00"), 200).get("status").getStringValue());
        assertEquals("FAILED", api.ok(signedCallback(paymentId, "FAILED", "80.00"), 200).get("status").getStringValue());
        assertEquals(Money.ZERO, cash(account));
        assertTrue(ledger(account).isEmpty());
    }

    @Test
    void eightIdenticalCallbacksAtOnceCreditOnce_A5() throws Exception {
        String account = fixtures.verifiedAccount();
        String paymentId = recharge(account, "42.00");
        List<APIGatewayV2HTTPResponse> responses = concurrently(8,
                i -> signedCallback(paymentId, "SUCCEEDED", "42.00"));
        for (APIGatewayV2HTTPResponse response : responses) {
            assertEquals(200, response.getStatusCode(), response.getBody());
        }
        assertEquals(Money.parse("42.00"), cash(account));
        assertEquals(1, ledger(account).size());
    }

    // ---- third-party orders (P2) -----------------------------------------------------------------

    @Test
    void aThirdPartyOrderWaitsThenItsCallbackPaysItAndStartsTheTermAtConfirmation_P2_P3() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "30.00");
        fixtures.coupon(account, "500.00", Instant.parse("2099-01-01T00:00:00Z"));
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        function.clock().set(PLACED);
        try {
            JsonNode placed = api.ok(purchase(account, spec, 2, "MONTHLY_PACKAGE", "THIRD_PARTY"), 202);
            JsonNode order = placed.get("order");
            assertEquals("PENDING_PAYMENT", order.get("status").getStringValue());
            assertEquals("THIRD_PARTY", order.get("paymentMethod").getStringValue());
            assertEquals("2000.00", order.get("amount").getStringValue());
            assertEquals(0, placed.get("instances").size());
            String paymentId = order.get("paymentId").getStringValue();
            String orderId = order.get("id").getStringValue();
            assertEquals(3, fixtures.stock(spec[0], spec[1]), "stock held");
            assertTrue(instances(account).isEmpty(), "no instance before the payment");
            assertEquals(Money.parse("30.00"), cash(account), "nothing charged");
            assertEquals(Money.parse("500.00"), fixtures.account(account).wallet().couponBalance(PLACED));

            function.clock().set(CONFIRMED);
            JsonNode paid = api.ok(signedCallback(paymentId, "SUCCEEDED", "2000.00"), 200);
            assertEquals("SUCCEEDED", paid.get("status").getStringValue());
            api.ok(signedCallback(paymentId, "SUCCEEDED", "2000.00"), 200); // a replay

            List<Instance> created = instances(account);
            assertEquals(2, created.size());
            for (Instance instance : created) {
                assertEquals(CONFIRMED, instance.termStartsAt(), "P2: the term starts when the payment is confirmed");
                assertEquals(Instant.parse("2016-02-29T15:59:59Z"), instance.expiresAt(), "P3 from 2016-01-31");
                assertEquals(orderId, instance.orderId());
            }
            Map<String, AttributeValue> storedOrder = order(orderId);
            assertEquals("PAID", storedOrder.get("status").s());
            assertEquals(null, storedOrder.get("dueBucket"), "left the OrdersDue index");
            List<LedgerEntry> ledger = ledger(account);
            LedgerEntry recharge = only(ledger, LedgerEntryType.RECHARGE, orderId);
            LedgerEntry charge = only(ledger, LedgerEntryType.ORDER_CHARGE, orderId);
            assertEquals(Money.parse("2000.00"), recharge.cash());
            assertEquals(Money.parse("-2000.00"), charge.cash());
            assertEquals(Money.ZERO, charge.coupon(), "coupons untouched");
            assertEquals(Money.parse("30.00"), cash(account));
            assertEquals(Money.parse("500.00"), fixtures.account(account).wallet().couponBalance(CONFIRMED));
            assertEquals(3, fixtures.stock(spec[0], spec[1]));
            assertEquals(1, outbox(account).stream().filter(m -> "ORDER_PAID".equals(m.get("type").s())).count());
        } finally {
            function.clock().reset();
        }
    }

    @Test
    void aHundredServerOrderIsPaidWhole_instancesBeyondTheTransactionAreWrittenRightAfter_P2() {
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 100);
        JsonNode order = api.ok(purchase(account, spec, 100, "MONTHLY_PACKAGE", "THIRD_PARTY"), 202).get("order");
        api.ok(signedCallback(order.get("paymentId").getStringValue(), "SUCCEEDED", "100000.00"), 200);
        List<Instance> all = new ArrayList<>();
        String token = null;
        do {
            var page = fixtures.instances.listByAccount(account, 100, token);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        assertEquals(100, all.size());
        assertEquals(100, order(order.get("id").getStringValue()).get("instanceIds").l().size());
        assertEquals(0, fixtures.stock(spec[0], spec[1]));
        assertEquals(Money.ZERO, cash(account));
    }

    @Test
    void aFailedPaymentCancelsItsOrderAndReturnsTheStock_P2() {
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 4);
        JsonNode order = api.ok(purchase(account, spec, 3, "MONTHLY_PACKAGE", "THIRD_PARTY"), 202).get("order");
        assertEquals(1, fixtures.stock(spec[0], spec[1]));
        String paymentId = order.get("paymentId").getStringValue();
        assertEquals("FAILED", api.ok(signedCallback(paymentId, "FAILED", "3000.00"), 200).get("status").getStringValue());
        assertEquals(4, fixtures.stock(spec[0], spec[1]), "stock returned");
        assertEquals("CANCELLED", order(order.get("id").getStringValue()).get("status").s());
        api.ok(signedCallback(paymentId, "FAILED", "3000.00"), 200);
        assertEquals(4, fixtures.stock(spec[0], spec[1]), "returned once");

        // the provider changes its mind: the money it took is credited, never lost
        assertEquals("SUCCEEDED", api.ok(signedCallback(paymentId, "SUCCEEDED", "3000.00"), 200)
                .get("status").getStringValue());
        assertEquals(Money.parse("3000.00"), cash(account));
        assertTrue(instances(account).isEmpty());
        assertEquals(List.of(LedgerEntryType.RECHARGE), ledger(account).stream().map(LedgerEntry::type).toList());
        assertEquals(4, fixtures.stock(spec[0], spec[1]));
    }

    @Test
    void aSuccessAfterTheUnpaidOrderWasCancelledIsAPlainRecharge_P2() {
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 2);
        function.clock().set(PLACED);
        try {
            JsonNode order = api.ok(purchase(account, spec, 1, "MONTHLY_PACKAGE", "THIRD_PARTY"), 202).get("order");
            String paymentId = order.get("paymentId").getStringValue();
            OrderCancellations sweep = function.context().getBean(OrderCancellations.class);
            sweep.cancelDue(PLACED.plusSeconds(29 * 60), 100);
            assertEquals("PENDING_PAYMENT", order(order.get("id").getStringValue()).get("status").s());
            sweep.cancelDue(PLACED.plusSeconds(30 * 60), 100);
            assertEquals("CANCELLED", order(order.get("id").getStringValue()).get("status").s());
            assertEquals(2, fixtures.stock(spec[0], spec[1]));
            assertEquals(PaymentStatus.PENDING, payments.find(paymentId).orElseThrow().status(),
                    "the payment stays PENDING so that a late success is credited");

            function.clock().set(PLACED.plusSeconds(45 * 60));
            api.ok(signedCallback(paymentId, "SUCCEEDED", "1000.00"), 200);
            assertEquals(Money.parse("1000.00"), cash(account));
            assertTrue(instances(account).isEmpty());
            LedgerEntry credit = ledger(account).get(0);
            assertEquals(LedgerEntryType.RECHARGE, credit.type());
            assertEquals(null, credit.orderId(), "a plain recharge");
            assertEquals(2, fixtures.stock(spec[0], spec[1]));
        } finally {
            function.clock().reset();
        }
    }

    @Test
    void payByConfigurationCannotBePaidByAThirdParty_G1() {
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 2);
        JsonNode problem = api.problem(purchase(account, spec, 1, "PAY_BY_CONFIGURATION", "THIRD_PARTY"), 400,
                "VALIDATION_FAILED");
        assertEquals("paymentMethod", problem.get("errors").get(0).get("field").getStringValue());
        assertEquals(2, fixtures.stock(spec[0], spec[1]));
    }

    @Test
    void aThirdPartyOrderChecksTheAccountNodeAndStockAsABalanceOne_A1_C1_C2() {
        String inactive = fixtures.account(false, Verification.PERSONAL);
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 1);
        api.problem(purchase(inactive, spec, 1, "MONTHLY_PACKAGE", "THIRD_PARTY"), 403, "ACCOUNT_NOT_ACTIVE");
        String account = fixtures.verifiedAccount();
        api.problem(purchase(account, spec, 2, "MONTHLY_PACKAGE", "THIRD_PARTY"), 409, "OUT_OF_STOCK");
        String[] closed = fixtures.nodeWithSpec(NodeStatus.UNDER_CONSTRUCTION, 1);
        api.problem(purchase(account, closed, 1, "MONTHLY_PACKAGE", "THIRD_PARTY"), 409, "NODE_NOT_OPEN");
        assertEquals(1, fixtures.stock(spec[0], spec[1]));
        assertTrue(scan(fixtures.tables.orders(), account).isEmpty());
    }

    // ---- helpers -----------------------------------------------------------------------------

    static String callbackBody(String paymentId, String status, String amount) {
        return "{\"paymentId\":\"" + paymentId + "\",\"status\":\"" + status + "\",\"amount\":\"" + amount + "\"}";
    }

    static String sign(String secret, String body) {
        return new CallbackSignature(secret).sign(body.getBytes(StandardCharsets.UTF_8));
    }

    static APIGatewayV2HTTPResponse signedCallback(String paymentId, String status, String amount) {
        String body = callbackBody(paymentId, status, amount);
        return callback(body, sign(LOCAL_SECRET, body));
    }

    /** No JWT: the callback's route has no authorizer (null sub), only the signature header. */
    static APIGatewayV2HTTPResponse callback(String body, String signature) {
        return api.call("payment-callback.json", "POST", "/payments/callback", body, null, null,
                signature == null ? Map.of() : Map.of("x-payment-signature", signature));
    }

    static String recharge(String account, String amount) {
        return api.ok(api.call("account-recharge.json", "POST", "/account/recharges", "{\"amount\":\"" + amount + "\"}",
                        account, "[user]", Map.of("idempotency-key", UUID.randomUUID().toString())), 201)
                .get("paymentId").getStringValue();
    }

    static APIGatewayV2HTTPResponse purchase(String account, String[] spec, int quantity, String billing, String payment) {
        String duration = billing.equals("MONTHLY_PACKAGE") ? ",\"duration\":{\"unit\":\"MONTH\",\"count\":1}" : "";
        String body = "{\"nodeId\":\"" + spec[0] + "\",\"specId\":\"" + spec[1] + "\",\"quantity\":" + quantity
                + ",\"billingMethod\":\"" + billing + "\"" + duration + ",\"paymentMethod\":\"" + payment + "\"}";
        return api.call("purchase-monthly.json", "POST", "/instances", body, account, "[user]",
                Map.of("idempotency-key", UUID.randomUUID().toString()));
    }

    static Money cash(String account) {
        return fixtures.account(account).wallet().cash();
    }

    static List<LedgerEntry> ledger(String account) {
        return fixtures.wallets.ledger(account, 100, null).items();
    }

    static LedgerEntry only(List<LedgerEntry> ledger, LedgerEntryType type, String orderId) {
        List<LedgerEntry> found = ledger.stream().filter(e -> e.type() == type && orderId.equals(e.orderId())).toList();
        assertEquals(1, found.size(), type + " of " + orderId + " in " + ledger);
        return found.get(0);
    }

    static List<Instance> instances(String account) {
        return fixtures.instances.listByAccount(account, 100, null).items();
    }

    static Map<String, AttributeValue> order(String orderId) {
        Map<String, AttributeValue> item = fixtures.dynamo.getItem(r -> r.tableName(fixtures.tables.orders())
                .key(Map.of("orderId", AttributeValue.fromS(orderId))).consistentRead(true)).item();
        assertNotNull(item);
        return item;
    }

    static List<Map<String, AttributeValue>> outbox(String account) {
        return scan(fixtures.tables.outbox(), account);
    }

    static List<Map<String, AttributeValue>> scan(String table, String account) {
        return fixtures.dynamo.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true)
                .filterExpression("accountId = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(account))).build()).items().stream().toList();
    }

}
