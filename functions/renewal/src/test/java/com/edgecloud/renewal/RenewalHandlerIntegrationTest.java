package com.edgecloud.renewal;

import static com.edgecloud.testing.StartGate.concurrently;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.dynamodb.DynamoOperationRepository;
import com.edgecloud.billing.dynamodb.DynamoTermRepository;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.InstanceOperation;
import com.edgecloud.billing.lifecycle.PowerOperations;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.http.ApiGatewayEvents;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.Fixtures.Buyer;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * POST /instances/{id}/renewals through the real RenewalHandler on DynamoDB Local, with the
 * function's clock set by each test (R1–R3, E2, E4, SPEC §9 idempotency).
 */
class RenewalHandlerIntegrationTest {

    static final String SAMPLE = "renewal.json";
    static final Fixtures fixtures = new Fixtures();
    static final DynamoTermRepository terms = new DynamoTermRepository(fixtures.dynamo, fixtures.tables);
    static final DynamoOperationRepository operations = new DynamoOperationRepository(fixtures.dynamo, fixtures.tables);
    @RegisterExtension
    static final FunctionHarness function = new FunctionHarness(RenewalHandler::new);
    static final HandlerApi api = new HandlerApi(function);

    @BeforeEach
    void clockAt20151220() {
        function.clock().set(at("2015-12-20T10:00:00+08:00"));
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    // ---- data ---------------------------------------------------------------------------------

    /** An owner: a verified account with {@code cash} and a node selling the spec at 1000.00 a month, 10000.00 a year. */
    static Buyer owner(String cash) {
        return fixtures.buyer(cash, 5);
    }

    /** A monthly package bought at {@code start} expiring at {@code expiresAt}, in {@code state}. */
    static Instance monthly(Buyer o, BillingState state, PowerState power, Instant start, Instant expiresAt) {
        String id = Ids.next("i");
        Instant releaseAt = state == BillingState.NORMAL ? null : expiresAt.plus(Duration.ofDays(7)); // E3
        Due due = switch (state) {
            case NORMAL -> Due.firstOfTerm(id, start, expiresAt);
            case EXPIRED -> Due.of(Due.Kind.EXPIRY, id, releaseAt);
            default -> null;
        };
        Instance instance = new Instance(id, o.account(), o.spec()[0], o.spec()[1], Ids.next("ord"),
                BillingMethod.MONTHLY_PACKAGE, state, power, start, expiresAt, null, releaseAt, start, due, null, 0, 0, null, 0);
        fixtures.instances.create(instance);
        return instance;
    }

    static Instance normal(Buyer o, String start, String expiresAt) {
        return monthly(o, BillingState.NORMAL, PowerState.RUNNING, at(start), at(expiresAt));
    }

    static Instance payByConfiguration(Buyer o, BillingState state) {
        String id = Ids.next("i");
        Instant launched = at("2015-12-01T10:00:00+08:00");
        Instant overdueSince = state == BillingState.OVERDUE ? at("2015-12-10T10:00:00+08:00") : null;
        Instance instance = new Instance(id, o.account(), o.spec()[0], o.spec()[1], Ids.next("ord"),
                BillingMethod.PAY_BY_CONFIGURATION, state, PowerState.RUNNING, null, null, overdueSince,
                overdueSince == null ? null : overdueSince.plus(Duration.ofDays(7)), launched, null, launched, 0, 0, 0L, 0);
        fixtures.instances.create(instance);
        return instance;
    }

    static String body(String unit, int count) {
        return "{\"duration\":{\"unit\":\"" + unit + "\",\"count\":" + count + "},\"paymentMethod\":\"BALANCE\"}";
    }

    static APIGatewayV2HTTPResponse renew(String account, String instanceId, String key, String body) {
        return api.call(SAMPLE, "POST", "/instances/" + instanceId + "/renewals", body, account, "[user]",
                key == null ? Map.of() : Map.of("idempotency-key", key));
    }

    static JsonNode renewed(Buyer o, Instance i, String unit, int count) {
        return api.ok(renew(o.account(), i.id(), UUID.randomUUID().toString(), body(unit, count)), 200);
    }

    static String text(JsonNode node, String field) {
        assertNotNull(node.get(field), field + " missing in " + node);
        return node.get(field).isNull() ? null : node.get(field).getStringValue();
    }

    static List<Term> termsOf(String instanceId) {
        return terms.list(instanceId, 100, null).items();
    }

    static List<OperationRecord> operationsOf(String instanceId) {
        return operations.list(instanceId, 100, null).items();
    }

    static List<LedgerEntry> ledger(String account, LedgerEntryType type) {
        return fixtures.wallets.ledger(account, 100, null).items().stream().filter(e -> e.type() == type).toList();
    }

    static Instance stored(String instanceId) {
        return fixtures.instances.find(instanceId).orElseThrow();
    }

    static void assertLedgerAddsUpToCash(String account) {
        Money sum = Money.sum(fixtures.wallets.ledger(account, 100, null).items().stream().map(LedgerEntry::cash).toList());
        assertEquals(fixtures.account(account).wallet().cash(), sum, "A4: cash equals the ledger's cash amounts");
    }

    // ---- R2: the term --------------------------------------------------------------------------

    @Test
    void theNewTermStartsTheDayAfterTheOldExpiryAndExpiresByP3_R2() {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");

        JsonNode body = renewed(o, i, "MONTH", 1);

        assertEquals(i.id(), text(body, "id"));
        assertEquals("2016-01-02T00:00:00+08:00", text(body, "termStartsAt"));
        assertEquals("2016-02-02T23:59:59+08:00", text(body, "expiresAt"));
        assertEquals("NORMAL", text(body, "billingState"));
        assertEquals("RUNNING", text(body, "powerState"));
        assertEquals("1000.00", text(body, "charged"));
        for (String field : List.of("id", "accountId", "nodeId", "specId", "billingMethod", "billingState",
                "powerState", "termStartsAt", "expiresAt", "overdueSince", "releaseAt", "createdAt", "charged")) {
            assertNotNull(body.get(field), field + " missing from " + body);
        }
        assertEquals("4000.00", fixtures.account(o.account()).wallet().cash().toString(), "charged at once (R1)");
        List<LedgerEntry> charges = ledger(o.account(), LedgerEntryType.RENEWAL_CHARGE);
        assertEquals(1, charges.size());
        assertEquals("-1000.00", charges.get(0).cash().toString());
        assertEquals(i.id(), charges.get(0).instanceId());
        Term term = termsOf(i.id()).get(0);
        assertEquals(at("2016-01-02T00:00:00+08:00"), term.termStartsAt());
        assertEquals(at("2016-02-02T23:59:59+08:00"), term.expiresAt());
        assertEquals("1000.00", term.amount().toString());
        assertNotNull(term.renewalId());
        assertNull(term.orderId());
        OperationRecord op = operationsOf(i.id()).get(0);
        assertEquals(InstanceOperation.RENEW, op.operation());
        assertEquals(o.account(), op.by());
        assertEquals(PowerState.RUNNING, op.powerStateFrom());
        assertEquals(PowerState.RUNNING, op.powerStateTo());
        assertEquals(1, stored(i.id()).version(), "written once, under its version");
        assertLedgerAddsUpToCash(o.account());
    }

    @Test
    void aRenewalFromTheLastDayOfJanuaryStartsOnFebruaryFirstAndExpiresOnMarchFirst_R2() {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-31T09:00:00+08:00", "2016-01-31T23:59:59+08:00");

        JsonNode body = renewed(o, i, "MONTH", 1);

        assertEquals("2016-02-01T00:00:00+08:00", text(body, "termStartsAt"));
        assertEquals("2016-03-01T23:59:59+08:00", text(body, "expiresAt"));
    }

    @Test
    void aRenewedTermMayExpireOnFebruary29_R2_P3() {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-28T09:00:00+08:00", "2016-01-28T23:59:59+08:00");

        JsonNode body = renewed(o, i, "MONTH", 1);

        assertEquals("2016-01-29T00:00:00+08:00", text(body, "termStartsAt"));
        assertEquals("2016-02-29T23:59:59+08:00", text(body, "expiresAt"));
    }

    @Test
    void aYearlyRenewalChargesTheYearlyPrice_R1_P2() {
        Buyer o = owner("30000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");

        JsonNode body = renewed(o, i, "YEAR", 2);

        assertEquals("20000.00", text(body, "charged"));
        assertEquals("2018-01-02T23:59:59+08:00", text(body, "expiresAt"));
    }

    @Test
    void renewingTwiceBeforeTheNewTermBeginsChainsFromTheLatestTerm_R2() {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");

        renewed(o, i, "MONTH", 1);
        JsonNode second = renewed(o, i, "MONTH", 2);

        // SPEC §11: the instance shows its latest term, not begun yet.
        assertEquals("2016-02-03T00:00:00+08:00", text(second, "termStartsAt"));
        assertEquals("2016-04-03T23:59:59+08:00", text(second, "expiresAt"));
        List<Term> chain = termsOf(i.id());
        assertEquals(2, chain.size());
        assertEquals(at("2016-01-02T00:00:00+08:00"), chain.get(0).termStartsAt(), "oldest first");
        assertEquals(at("2016-02-03T00:00:00+08:00"), chain.get(1).termStartsAt());
        assertEquals("2000.00", chain.get(1).amount().toString());
        assertEquals("2000.00", fixtures.account(o.account()).wallet().cash().toString());
    }

    // ---- R3: retention -------------------------------------------------------------------------

    @Test
    void renewingDuringRetentionMakesTheInstanceNormalAndCancelsItsRelease_R3_E4() {
        Buyer o = owner("5000.00");
        // stopped by its owner before it expired: renewal leaves it so (R3 touches no power state)
        Instance i = monthly(o, BillingState.EXPIRED, PowerState.STOPPED, at("2015-12-01T15:00:00+08:00"),
                at("2016-01-01T23:59:59+08:00"));
        function.clock().set(at("2016-01-05T12:00:00+08:00")); // within the 7 days of E3

        JsonNode body = renewed(o, i, "MONTH", 1);

        assertEquals("NORMAL", text(body, "billingState"));
        assertNull(text(body, "releaseAt"));
        assertEquals("STOPPED", text(body, "powerState"));
        assertEquals("2016-01-02T00:00:00+08:00", text(body, "termStartsAt"), "R2 holds after the old expiry too");
        assertEquals("2016-02-02T23:59:59+08:00", text(body, "expiresAt"));
        Instance after = stored(i.id());
        assertNull(after.releaseAt());
        // E4: the 30-day warning (Jan 3) fell before the renewal: skipped; the 15-day one is next.
        assertEquals(at("2016-01-18T23:59:59+08:00"), after.due().at());
        assertTrue(after.due().bucket().startsWith("EXPIRY#"));
    }

    @Test
    void anEarlyRenewalMovesTheDuePointToTheNewTermsFirstWarningNotBeforeNow_E4() {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");
        assertEquals(at("2015-12-02T23:59:59+08:00"), i.due().at(), "the old term's 30-day warning");
        function.clock().set(at("2015-12-25T10:00:00+08:00")); // the old term's 30, 15 and 7-day warnings have passed

        renewed(o, i, "MONTH", 1);

        // The old term's remaining warnings (3 and 1 day before Jan 1) are never sent: the new term's
        // first warning is 30 days before Feb 2 23:59:59, i.e. Jan 3 23:59:59, after now.
        assertEquals(at("2016-01-03T23:59:59+08:00"), stored(i.id()).due().at());
    }

    // ---- E2 / R1: who may renew -------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "MONTHLY_PACKAGE, NORMAL, 200",
            "MONTHLY_PACKAGE, EXPIRED, 200",
            "MONTHLY_PACKAGE, RELEASED, 409",
            "PAY_BY_CONFIGURATION, NORMAL, 409",
            "PAY_BY_CONFIGURATION, OVERDUE, 409"})
    void renewIsAllowedOnlyForAMonthlyPackageWhileNormalOrExpired_E2_R1(BillingMethod method, BillingState state,
                                                                       int status) {
        Buyer o = owner("5000.00");
        Instance i = method == BillingMethod.MONTHLY_PACKAGE
                ? monthly(o, state, PowerState.RUNNING, at("2015-11-01T15:00:00+08:00"), at("2015-12-01T23:59:59+08:00"))
                : payByConfiguration(o, state);
        Fixtures.Snapshot before = fixtures.snapshot(o);

        APIGatewayV2HTTPResponse response = renew(o.account(), i.id(), UUID.randomUUID().toString(), body("MONTH", 1));

        if (status == 200) {
            assertEquals("NORMAL", text(api.ok(response, 200), "billingState"));
        } else {
            JsonNode problem = api.problem(response, 409, "OPERATION_NOT_ALLOWED");
            assertEquals(state.name(), text(problem, "billingState"));
            assertEquals("R1", text(problem, "rule"));
            assertEquals(before, fixtures.snapshot(o), "a refusal writes nothing");
        }
    }

    @Test
    void tooLittleBalanceIs402AndWritesNothing_R1_P2() {
        Buyer o = owner("999.99");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");
        Fixtures.Snapshot before = fixtures.snapshot(o);

        api.problem(renew(o.account(), i.id(), UUID.randomUUID().toString(), body("MONTH", 1)), 402,
                "INSUFFICIENT_BALANCE");

        assertEquals(before, fixtures.snapshot(o));
        assertTrue(termsOf(i.id()).isEmpty());
        assertTrue(operationsOf(i.id()).isEmpty());
    }

    @Test
    void anotherAccountsInstanceAndAnUnknownOneAreNotFound_S9() {
        Buyer o = owner("5000.00");
        Buyer stranger = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");
        Fixtures.Snapshot before = fixtures.snapshot(o);
        Fixtures.Snapshot strangerBefore = fixtures.snapshot(stranger);

        JsonNode problem = api.problem(renew(stranger.account(), i.id(), UUID.randomUUID().toString(),
                body("MONTH", 1)), 404, "NOT_FOUND");
        api.problem(renew(o.account(), Ids.next("i"), UUID.randomUUID().toString(), body("MONTH", 1)), 404, "NOT_FOUND");

        assertFalse(problem.toString().contains(o.account()), problem.toString());
        assertEquals(before, fixtures.snapshot(o));
        assertEquals(strangerBefore, fixtures.snapshot(stranger));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "[]",
            "{}",
            "{\"duration\":{\"unit\":\"MONTH\",\"count\":10}}",
            "{\"duration\":{\"unit\":\"YEAR\",\"count\":4}}",
            "{\"duration\":{\"unit\":\"MONTH\",\"count\":0}}",
            "{\"duration\":{\"unit\":\"WEEK\",\"count\":1}}",
            "{\"duration\":{\"unit\":\"MONTH\",\"count\":1.5}}",
            "{\"duration\":{\"unit\":\"MONTH\"}}",
            "{\"duration\":\"P1M\"}",
            "{\"duration\":{\"unit\":\"MONTH\",\"count\":1},\"paymentMethod\":\"CASH\"}",
            "{\"duration\":{\"unit\":\"MONTH\",\"count\":1},\"paymentMethod\":\"THIRD_PARTY\"}",
            "{\"duration\":{\"unit\":\"MONTH\",\"count\":1},\"extra\":1}",
            "{\"duration\":{\"unit\":\"MONTH\",\"count\":1,\"day\":3}}",
            "{\"duration\":{\"unit\":\"MONTH\",\"count\":1}} {}",
            "{\"duration\":{\"unit\":\"MONTH\",\"count\":1},\"duration\":{\"unit\":\"MONTH\",\"count\":2}}"})
    void aBadBodyIs400AndWritesNothing_P1(String body) {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");
        Fixtures.Snapshot before = fixtures.snapshot(o);

        JsonNode problem = api.problem(renew(o.account(), i.id(), UUID.randomUUID().toString(), body), 400,
                "VALIDATION_FAILED");

        assertTrue(problem.get("errors").size() > 0, problem.toString());
        assertEquals(before, fixtures.snapshot(o));
        assertEquals(0, stored(i.id()).version());
    }

    @Test
    void theIdempotencyKeyIsRequired_S9() {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");

        JsonNode problem = api.problem(renew(o.account(), i.id(), null, body("MONTH", 1)), 400, "VALIDATION_FAILED");

        assertEquals("Idempotency-Key", problem.get("errors").get(0).get("field").getStringValue());
        assertTrue(termsOf(i.id()).isEmpty());
    }

    @Test
    void noClaimsIsUnauthenticated() {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");
        api.problem(renew(null, i.id(), UUID.randomUUID().toString(), body("MONTH", 1)), 401, "UNAUTHENTICATED");
    }

    // ---- idempotency ---------------------------------------------------------------------------

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstAnswerAndChargesOnce_S9() {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");
        String key = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse first = renew(o.account(), i.id(), key, body("MONTH", 1));
        APIGatewayV2HTTPResponse again = renew(o.account(), i.id(), key, body("MONTH", 1));

        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals(200, again.getStatusCode(), again.getBody());
        assertEquals(first.getBody(), again.getBody());
        assertEquals(1, ledger(o.account(), LedgerEntryType.RENEWAL_CHARGE).size());
        assertEquals(1, termsOf(i.id()).size());
        assertEquals(1, operationsOf(i.id()).size());
        assertEquals("4000.00", fixtures.account(o.account()).wallet().cash().toString());
        api.problem(renew(o.account(), i.id(), key, body("MONTH", 2)), 422, "IDEMPOTENCY_KEY_REUSED");
        assertEquals(1, termsOf(i.id()).size());
    }

    @Test
    void eightConcurrentRetriesOfOneKeyChargeOnce_S9() throws Exception {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");
        String key = UUID.randomUUID().toString();

        List<APIGatewayV2HTTPResponse> replies = concurrently(8, n -> renew(o.account(), i.id(), key, body("MONTH", 1)));

        String answer = null;
        for (APIGatewayV2HTTPResponse reply : replies) {
            if (reply.getStatusCode() == 200) {
                assertTrue(answer == null || answer.equals(reply.getBody()), "one answer: " + reply.getBody());
                answer = reply.getBody();
            } else {
                api.problem(reply, 409, "REQUEST_IN_PROGRESS");
            }
        }
        assertNotNull(answer, "at least one answer");
        assertEquals(1, ledger(o.account(), LedgerEntryType.RENEWAL_CHARGE).size(), "charged once");
        assertEquals(1, termsOf(i.id()).size());
        assertEquals("4000.00", fixtures.account(o.account()).wallet().cash().toString());
        assertEquals(answer, renew(o.account(), i.id(), key, body("MONTH", 1)).getBody(), "a later retry answers it too");
    }

    // ---- concurrency -----------------------------------------------------------------------------

    @Test
    void tenConcurrentRenewalsWithMoneyForThreeRenewExactlyThreeTimesAndChainTheirTerms_R1_R2_A4() throws Exception {
        Buyer o = owner("3000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");

        List<APIGatewayV2HTTPResponse> replies = concurrently(10,
                n -> renew(o.account(), i.id(), UUID.randomUUID().toString(), body("MONTH", 1)));

        int renewed = 0;
        for (APIGatewayV2HTTPResponse reply : replies) {
            if (reply.getStatusCode() == 200) {
                renewed++;
            } else {
                api.problem(reply, 402, "INSUFFICIENT_BALANCE");
            }
        }
        assertEquals(3, renewed);
        assertEquals("0.00", fixtures.account(o.account()).wallet().cash().toString());
        assertEquals(3, ledger(o.account(), LedgerEntryType.RENEWAL_CHARGE).size());
        assertLedgerAddsUpToCash(o.account());
        List<Term> chain = termsOf(i.id());
        assertEquals(3, chain.size());
        Instant expiry = i.expiresAt();
        for (Term term : chain) {
            assertEquals(function.context().getBean(ExpiryCalendar.class).renewalStart(expiry),
                    term.termStartsAt(), "R2: each term starts the day after the one before");
            expiry = term.expiresAt();
        }
        Instance after = stored(i.id());
        assertEquals(at("2016-04-04T23:59:59+08:00"), after.expiresAt(), "Jan 1 → Feb 2 → Mar 3 → Apr 4");
        assertEquals(chain.get(2).termStartsAt(), after.termStartsAt());
        assertEquals(3, after.version());
        assertEquals(3, operationsOf(i.id()).size());
    }

    @Test
    void renewalsRacingPowerOperationsLoseNoUpdate_R2_E2() throws Exception {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");
        PowerOperations power = function.context().getBean(PowerOperations.class);

        List<Object> results = concurrently(10, n -> n % 2 == 0
                ? renew(o.account(), i.id(), UUID.randomUUID().toString(), body("MONTH", 1))
                : power.apply(o.account(), i.id(), n % 4 == 1 ? InstanceOperation.STOP : InstanceOperation.START, null));

        for (Object result : results) {
            if (result instanceof APIGatewayV2HTTPResponse reply) {
                assertEquals(200, reply.getStatusCode(), reply.getBody());
            }
        }
        Instance after = stored(i.id());
        assertEquals(10, after.version(), "every operation wrote once");
        assertEquals(at("2016-06-06T23:59:59+08:00"), after.expiresAt(), "five chained one-month terms");
        assertEquals(5, termsOf(i.id()).size());
        assertEquals("0.00", fixtures.account(o.account()).wallet().cash().toString());
        List<OperationRecord> history = operationsOf(i.id());
        assertEquals(10, history.size());
        assertEquals(history.get(0).powerStateTo(), after.powerState(), "the newest operation's power state stands");
        for (int n = 0; n + 1 < history.size(); n++) {
            assertEquals(history.get(n + 1).powerStateTo(), history.get(n).powerStateFrom(),
                    "each operation started from where the one before left it");
        }
    }

    // ---- round trips ---------------------------------------------------------------------------

    @Test
    void oneRenewalIsFiveDynamoDbRoundTripsWithOneTransaction() {
        Buyer o = owner("5000.00");
        Instance i = normal(o, "2015-12-01T15:00:00+08:00", "2016-01-01T23:59:59+08:00");
        String key = UUID.randomUUID().toString();
        DynamoCallCounter.CALLS.clear();

        api.ok(renew(o.account(), i.id(), key, body("MONTH", 1)), 200);

        // claim the key (PutItem); read the account, the instance, the spec's price (GetItem × 3); one transaction
        assertEquals(List.of("putItem", "getItem", "getItem", "getItem", "transactWriteItems"),
                List.copyOf(DynamoCallCounter.CALLS));
    }

    // ---- sample event ----------------------------------------------------------------------------

    @Test
    void theSampleEventAsSamWouldSendItIsAnswered() {
        // events/renewal.json unchanged: acct-demo renews i-demo-0001, which does not exist here
        api.problem(function.invoke(ApiGatewayEvents.sample(SAMPLE)), 404, "NOT_FOUND");
    }

}
