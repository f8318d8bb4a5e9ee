package com.edgecloud.purchase;

import static com.edgecloud.purchase.PurchaseApi.monthly;
import static com.edgecloud.purchase.PurchaseApi.newKey;
import static com.edgecloud.purchase.PurchaseApi.payByConfiguration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.StartGate;
import com.edgecloud.testing.Fixtures.Buyer;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.purchase.PurchaseApi.Reply;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SPEC §9: an Idempotency-Key, scoped to the account and the operation, makes a purchase
 * happen once: a repeat answers the first answer byte for byte, another request under the
 * key is 422, a repeat still in progress is 409.
 */
class PurchaseIdempotencyIntegrationTest extends PurchaseFunctionTest {

    @Test
    void theSameKeyAndBodyAnswerTheFirstAnswerAgainAndChargeOnce_S9() {
        Buyer buyer = fixtures.buyer("5000.00", 10);
        String key = newKey();
        String body = monthly(buyer.spec(), 2, "MONTH", 1);

        Reply first = api.post(buyer.account(), key, body).assertCreated();
        Fixtures.Snapshot afterFirst = api.snapshot(buyer);
        Reply second = api.post(buyer.account(), key, body).assertCreated();
        Reply third = api.post(buyer.account(), key, body).assertCreated();

        assertEquals(first.body, second.body, "byte-identical replay");
        assertEquals(first.body, third.body);
        assertEquals(afterFirst, api.snapshot(buyer), "a replay writes nothing");
        assertEquals("3000.00", api.cash(buyer.account()).toString(), "charged once");
        assertEquals(8, fixtures.stock(buyer), "stock taken once");
        assertEquals(1, api.orders(buyer.account()).size());
        assertEquals(2, api.instances(buyer.account()).size());
        assertEquals(1, api.ledger(buyer.account(), "ORDER_CHARGE").size());
        assertEquals(1, api.outbox(buyer.account()).size(), "one ORDER_PAID notification");
    }

    @Test
    void theSameRequestWrittenDifferentlyIsTheSameRequest_S9() {
        Buyer buyer = fixtures.buyer("5000.00", 10);
        String key = newKey();

        Reply first = api.post(buyer.account(), key, monthly(buyer.spec(), 1, "MONTH", 3)).assertCreated();
        String reordered = "{ \"duration\" : {\"count\":3, \"unit\":\"MONTH\"},\n \"quantity\": 1, \"specId\":\"" + buyer.spec()[1]
                + "\", \"billingMethod\":\"MONTHLY_PACKAGE\", \"nodeId\":\"" + buyer.spec()[0] + "\" }";
        Reply again = api.post(buyer.account(), key, reordered).assertCreated();

        assertEquals(first.body, again.body);
        assertEquals("2000.00", api.cash(buyer.account()).toString());
    }

    @Test
    void aReplayAnswersTheFirstAnswerEvenWhenTheRequestCouldNoLongerSucceed_S9() {
        Buyer buyer = fixtures.buyer("1000.00", 1);
        String key = newKey();
        String body = monthly(buyer.spec(), 1, "MONTH", 1);

        Reply first = api.post(buyer.account(), key, body).assertCreated();
        // Now there is neither balance nor stock left: a new purchase would be refused.
        api.post(buyer.account(), newKey(), body).assertProblem(409, "OUT_OF_STOCK");

        Reply replay = api.post(buyer.account(), key, body).assertCreated();
        assertEquals(first.body, replay.body);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndWritesNothing_S9() {
        Buyer buyer = fixtures.buyer("5000.00", 10);
        String key = newKey();
        Reply first = api.post(buyer.account(), key, monthly(buyer.spec(), 1, "MONTH", 1)).assertCreated();
        Fixtures.Snapshot before = api.snapshot(buyer);

        api.post(buyer.account(), key, monthly(buyer.spec(), 2, "MONTH", 1)).assertProblem(422, "IDEMPOTENCY_KEY_REUSED");
        api.post(buyer.account(), key, monthly(buyer.spec(), 1, "YEAR", 1)).assertProblem(422, "IDEMPOTENCY_KEY_REUSED");
        api.post(buyer.account(), key, payByConfiguration(buyer.spec(), 1)).assertProblem(422, "IDEMPOTENCY_KEY_REUSED");

        assertEquals(before, api.snapshot(buyer), "nothing written, the stored answer untouched");
        assertEquals(first.body, api.post(buyer.account(), key, monthly(buyer.spec(), 1, "MONTH", 1)).assertCreated().body);
    }

    @Test
    void aKeyIsScopedToItsAccount_S9() {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 10);
        String alice = fixtures.verifiedAccount();
        String bob = fixtures.verifiedAccount();
        fixtures.recharge(alice, "5000.00");
        fixtures.recharge(bob, "5000.00");
        String key = newKey();

        Reply forAlice = api.post(alice, key, monthly(spec, 1, "MONTH", 1)).assertCreated();
        Reply forBob = api.post(bob, key, monthly(spec, 1, "MONTH", 1)).assertCreated();
        Reply bobAgainWithAnotherBody = api.post(bob, key, monthly(spec, 3, "MONTH", 1));

        assertNotEquals(forAlice.json().get("order").get("id").getStringValue(),
                forBob.json().get("order").get("id").getStringValue(), "Bob's key did not replay Alice's order");
        assertEquals(bob, forBob.json().get("instances").get(0).get("accountId").getStringValue());
        bobAgainWithAnotherBody.assertProblem(422, "IDEMPOTENCY_KEY_REUSED");
        assertEquals("4000.00", api.cash(alice).toString());
        assertEquals("4000.00", api.cash(bob).toString());
        assertEquals(8, fixtures.stock(spec[0], spec[1]));
    }

    @Test
    void aRequestStillInProgressAnswers409AndWritesNothing_S9() {
        Buyer buyer = fixtures.buyer("5000.00", 10);
        String key = newKey();
        PurchaseRequest request = new PurchaseRequest(buyer.account(), buyer.spec()[0], buyer.spec()[1], 1, BillingMethod.MONTHLY_PACKAGE,
                TermDuration.months(1), PaymentMethod.BALANCE);
        // Another invocation holds the key, its lease running for another minute.
        claimedElsewhere(buyer.account(), key, request, Instant.now().plusSeconds(60));
        Fixtures.Snapshot before = api.snapshot(buyer);

        api.post(buyer.account(), key, monthly(buyer.spec(), 1, "MONTH", 1)).assertProblem(409, "REQUEST_IN_PROGRESS");

        assertEquals(before, api.snapshot(buyer), "nothing written, the other claim kept");
    }

    @Test
    void aKeyWhoseHolderDiedIsTakenOverOnceItsLeaseRanOut_S9() {
        Buyer buyer = fixtures.buyer("5000.00", 10);
        String key = newKey();
        PurchaseRequest request = new PurchaseRequest(buyer.account(), buyer.spec()[0], buyer.spec()[1], 1, BillingMethod.MONTHLY_PACKAGE,
                TermDuration.months(1), PaymentMethod.BALANCE);
        claimedElsewhere(buyer.account(), key, request, Instant.now().minusSeconds(5));

        Reply reply = api.post(buyer.account(), key, monthly(buyer.spec(), 1, "MONTH", 1)).assertCreated();

        assertEquals(reply.body, api.post(buyer.account(), key, monthly(buyer.spec(), 1, "MONTH", 1)).assertCreated().body);
        assertEquals("4000.00", api.cash(buyer.account()).toString());
    }

    @Test
    void aRetryCompletesTheInstancesOfALargeOrderThatACrashLeftUnwritten_S9_P2() {
        Buyer buyer = fixtures.buyer("100000.00", 100);
        String key = newKey();
        String body = monthly(buyer.spec(), 100, "MONTH", 1);
        Reply first = api.post(buyer.account(), key, body).assertCreated();
        Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
        api.instances(buyer.account()).forEach(item -> stored.put(item.get("instanceId").s(), item));
        assertEquals(100, stored.size());
        // A crash right after the transaction: the instances written after it are missing.
        List<String> lost = new ArrayList<>();
        for (int i = 93; i < 100; i++) {
            String id = first.json().get("instances").get(i).get("id").getStringValue();
            lost.add(id);
            fixtures.dynamo.deleteItem(r -> r.tableName(fixtures.tables.instances())
                    .key(Map.of("instanceId", AttributeValue.fromS(id))));
        }
        assertEquals(93, api.instances(buyer.account()).size());
        Map<String, Map<String, AttributeValue>> terms = new HashMap<>();
        api.terms(buyer.account()).forEach(item -> terms.put(item.get("instanceId").s(), item));
        assertEquals(100, terms.size(), "every instance with its first term");
        // ... and their first terms; one of an instance the transaction wrote, too
        List<String> termsLost = new ArrayList<>(lost);
        termsLost.add(first.json().get("instances").get(0).get("id").getStringValue());
        for (String id : termsLost) {
            fixtures.dynamo.deleteItem(r -> r.tableName(fixtures.tables.terms()).key(Map.of(
                    "instanceId", AttributeValue.fromS(id), "sk", terms.get(id).get("sk"))));
        }
        assertEquals(92, api.terms(buyer.account()).size());

        Reply retry = api.post(buyer.account(), key, body).assertCreated();

        assertEquals(first.body, retry.body);
        Map<String, Map<String, AttributeValue>> after = new HashMap<>();
        api.instances(buyer.account()).forEach(item -> after.put(item.get("instanceId").s(), item));
        assertEquals(stored, after, "the lost instances are written again, exactly as they were");
        assertTrue(after.keySet().containsAll(lost));
        Map<String, Map<String, AttributeValue>> termsAfter = new HashMap<>();
        api.terms(buyer.account()).forEach(item -> termsAfter.put(item.get("instanceId").s(), item));
        assertEquals(terms, termsAfter, "the lost terms are written again, exactly as they were");
        assertEquals(0, fixtures.stock(buyer), "stock taken once");
        assertEquals("0.00", api.cash(buyer.account()).toString(), "charged once");
    }

    @Test
    void aFailureAfterTheChargeKeepsTheKeySoThatTheRetryCompletesTheOrderInsteadOfBuyingAgain_S9_P2() {
        Buyer buyer = fixtures.buyer("100000.00", 200);
        String key = newKey();
        String body = monthly(buyer.spec(), 100, "MONTH", 1);
        Reply failed;
        // The transaction commits, then writing the instances that did not fit in it fails.
        try (FunctionHarness broken = new FunctionHarness(context -> new PurchaseHandler(ApplicationContext.builder()
                .properties(Map.of("dynamodb.endpoint", DynamoDbLocal.shared(Tables::createAll).endpoint().toString(),
                        FailingInstanceWrites.PROPERTY, "true"))
                .start()))) {
            failed = api.post(broken, buyer.account(), key, body);
        }
        assertTrue(failed.status >= 500, "the failure is reported: " + failed.brief());
        assertEquals(1, api.orders(buyer.account()).size(), "the order was committed");
        assertTrue(api.instances(buyer.account()).size() < 100, "some instances are missing");

        Reply retry = api.post(buyer.account(), key, body).assertCreated();

        assertEquals(api.orders(buyer.account()).get(0).get("orderId").s(), retry.json().get("order").get("id").getStringValue(),
                "the retry answers the committed order");
        assertEquals(100, api.instances(buyer.account()).size(), "the retry wrote the missing instances");
        assertEquals(1, api.orders(buyer.account()).size(), "not bought twice");
        assertEquals(1, api.ledger(buyer.account(), "ORDER_CHARGE").size(), "charged once");
        assertEquals("0.00", api.cash(buyer.account()).toString());
        assertEquals(100, fixtures.stock(buyer));
    }

    @Test
    void eightConcurrentRetriesOfOneKeyChargeExactlyOnce_S9() throws Exception {
        Buyer buyer = fixtures.buyer("5000.00", 10);
        String key = newKey();
        String body = monthly(buyer.spec(), 1, "MONTH", 2);

        List<Reply> replies = StartGate.concurrently(8, i -> api.post(buyer.account(), key, body));

        List<String> created = new ArrayList<>();
        for (Reply reply : replies) {
            if (reply.status == 201) {
                created.add(reply.body);
            } else {
                reply.assertProblem(409, "REQUEST_IN_PROGRESS");
            }
        }
        assertTrue(!created.isEmpty(), "one of them bought");
        assertTrue(created.stream().allMatch(created.get(0)::equals), "every 201 is the same answer");
        assertEquals(1, api.orders(buyer.account()).size(), "exactly one order");
        assertEquals(1, api.ledger(buyer.account(), "ORDER_CHARGE").size(), "exactly one charge");
        assertEquals("3000.00", api.cash(buyer.account()).toString());
        assertEquals(9, fixtures.stock(buyer));
        assertEquals(1, api.instances(buyer.account()).size());
        assertEquals(created.get(0), api.post(buyer.account(), key, body).assertCreated().body, "a later retry replays it");
    }

    /** An IN_PROGRESS claim of the same request by another invocation, as DynamoIdempotencyStore writes it. */
    private static void claimedElsewhere(String account, String key, PurchaseRequest request, Instant leaseUntil) {
        Instant now = Instant.now();
        fixtures.dynamo.putItem(r -> r.tableName(fixtures.tables.idempotency()).item(Map.of(
                "key", AttributeValue.fromS(account + "#purchase#" + key),
                "requestHash", AttributeValue.fromS(sha256(request.canonical())),
                "status", AttributeValue.fromS("IN_PROGRESS"),
                "token", AttributeValue.fromS("someone-else"),
                "leaseUntil", AttributeValue.fromN(Long.toString(leaseUntil.getEpochSecond())),
                "expiresAtEpoch", AttributeValue.fromN(Long.toString(now.plusSeconds(86_400).getEpochSecond())))));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
