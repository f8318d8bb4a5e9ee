package com.edgecloud.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.dynamodb.DynamoLifecycleStore;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.LifecycleChange;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillStatus;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.http.ApiGatewayEvents;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AccountFunction through its real Lambda handler. The function reads the system clock, so
 * coupons here expire either long ago (2020) or far ahead (2099): never near "now".
 */
class AccountHandlerIntegrationTest {

    static final String SAMPLE = "account-get.json";
    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant FAR_AHEAD = Instant.parse("2099-01-01T00:00:00Z");
    static final Fixtures fixtures = new Fixtures();
    @RegisterExtension
    static final FunctionHarness function = new FunctionHarness(AccountHandler::new);
    static final HandlerApi api = new HandlerApi(function);

    APIGatewayV2HTTPResponse get(String accountId, String path) {
        return api.call(SAMPLE, "GET", path, null, accountId, "[user]", Map.of());
    }

    JsonNode account(String accountId) {
        return api.ok(get(accountId, "/account"), 200);
    }

    /** Every ledger entry, page by page, newest first. */
    List<JsonNode> wholeLedger(String accountId, int limit) {
        List<JsonNode> entries = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = api.ok(get(accountId, "/account/ledger?limit=" + limit
                    + (token == null ? "" : "&nextToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8))), 200);
            page.get("items").values().forEach(entries::add);
            JsonNode next = page.get("nextToken");
            assertNotNull(next, "nextToken must be present, null on the last page");
            token = next.isNull() ? null : next.getStringValue();
            assertTrue(++pages <= 50, "paging does not end");
        } while (token != null);
        return entries;
    }

    static List<String> field(List<JsonNode> entries, String field) {
        return entries.stream().map(e -> e.get(field).isNull() ? null : e.get(field).getStringValue()).toList();
    }

    @Test
    void availableBalanceIsCashPlusUnexpiredCoupons_A2() {
        String id = fixtures.verifiedAccount();
        fixtures.recharge(id, "500.00");
        fixtures.coupon(id, "100.00", FAR_AHEAD);
        fixtures.coupon(id, "30.50", FAR_AHEAD);
        fixtures.coupon(id, "20.00", LONG_AGO);

        JsonNode body = account(id);

        assertEquals(id, body.get("accountId").getStringValue());
        assertTrue(body.get("activated").getBooleanValue());
        assertEquals("PERSONAL", body.get("verification").getStringValue());
        assertEquals("500.00", body.get("cashBalance").getStringValue());
        assertEquals("130.50", body.get("couponBalance").getStringValue(), "the expired 20.00 does not count");
        assertEquals("630.50", body.get("availableBalance").getStringValue());
        assertEquals("0.00", body.get("arrears").getStringValue());
        assertEquals("Test User", body.get("contact").get("name").getStringValue());
        assertEquals("t@example.com", body.get("contact").get("email").getStringValue());
    }

    @Test
    void anAccountWithOnlyExpiredCouponsHasOnlyItsCash_A2() {
        String id = fixtures.account(true, Verification.ENTERPRISE);
        fixtures.recharge(id, "0.01");
        fixtures.coupon(id, "999.00", LONG_AGO);

        JsonNode body = account(id);

        assertEquals("ENTERPRISE", body.get("verification").getStringValue());
        assertEquals("0.01", body.get("cashBalance").getStringValue());
        assertEquals("0.00", body.get("couponBalance").getStringValue());
        assertEquals("0.01", body.get("availableBalance").getStringValue());
    }

    @Test
    void anAccountNoOperatorSetUpIsInactiveUnverifiedAndEmpty() {
        String id = Ids.next("acct");

        JsonNode body = account(id);

        assertEquals(id, body.get("accountId").getStringValue());
        assertFalse(body.get("activated").getBooleanValue());
        assertEquals("NONE", body.get("verification").getStringValue());
        assertEquals("0.00", body.get("cashBalance").getStringValue());
        assertEquals("0.00", body.get("couponBalance").getStringValue());
        assertEquals("0.00", body.get("availableBalance").getStringValue());
        assertEquals("0.00", body.get("arrears").getStringValue());
        HandlerApi.assertNullField(body, "contact");
        assertTrue(fixtures.accounts.find(id).isEmpty(), "reading must not create the account");

        JsonNode ledger = api.ok(get(id, "/account/ledger"), 200);
        assertEquals(0, ledger.get("items").size());
        HandlerApi.assertNullField(ledger, "nextToken");
    }

    @Test
    void anInactiveUnverifiedAccountSetUpByAnOperatorReadsSo() {
        String id = fixtures.account(false, Verification.NONE);
        JsonNode body = account(id);
        assertFalse(body.get("activated").getBooleanValue());
        assertEquals("NONE", body.get("verification").getStringValue());
    }

    @Test
    void ledgerIsNewestFirstWithSignedMoneyStrings_A4_M1() {
        String id = fixtures.verifiedAccount();
        fixtures.recharge(id, "100.00");
        fixtures.coupon(id, "50.00", FAR_AHEAD);
        fixtures.recharge(id, "20.5");

        JsonNode ledger = api.ok(get(id, "/account/ledger"), 200);

        HandlerApi.assertNullField(ledger, "nextToken");
        List<JsonNode> entries = new ArrayList<>();
        ledger.get("items").values().forEach(entries::add);
        assertEquals(List.of("RECHARGE", "COUPON_GRANT", "RECHARGE"), field(entries, "type"));
        assertEquals(List.of("20.50", "0.00", "100.00"), field(entries, "cash"));
        assertEquals(List.of("0.00", "50.00", "0.00"), field(entries, "coupon"));
        for (JsonNode entry : entries) {
            assertNotNull(entry.get("id").getStringValue());
            assertEquals("2026-01-01T08:00:00+08:00", entry.get("at").getStringValue(), "T1: billing zone offset");
            HandlerApi.assertNullField(entry, "instanceId");
            HandlerApi.assertNullField(entry, "orderId");
        }
        assertEquals(3, field(entries, "id").stream().distinct().count());
        HandlerApi.assertNullField(entries.get(0), "couponId");
        assertTrue(entries.get(1).get("couponId").getStringValue().startsWith("cpn-"));
    }

    @Test
    void ledgerPagesThroughNewestFirst() {
        String id = fixtures.verifiedAccount();
        for (int n = 1; n <= 5; n++) {
            fixtures.recharge(id, n + ".00");
        }

        List<JsonNode> byTwo = wholeLedger(id, 2);
        assertEquals(List.of("5.00", "4.00", "3.00", "2.00", "1.00"), field(byTwo, "cash"));
        assertEquals(field(byTwo, "id"), field(wholeLedger(id, 5), "id"));
        assertEquals(field(byTwo, "id"), field(wholeLedger(id, 1), "id"));

        JsonNode full = api.ok(get(id, "/account/ledger?limit=5"), 200);
        assertEquals(5, full.get("items").size());
        HandlerApi.assertNullField(full, "nextToken");
        JsonNode first = api.ok(get(id, "/account/ledger?limit=3"), 200);
        assertEquals(3, first.get("items").size());
        assertFalse(first.get("nextToken").isNull());
    }

    @Test
    void theLedgerCashAddsUpToTheCashBalance_A4() {
        String id = fixtures.verifiedAccount();
        fixtures.recharge(id, "123.45");
        fixtures.coupon(id, "10.00", FAR_AHEAD);
        fixtures.recharge(id, "0.55");
        fixtures.coupon(id, "5.00", LONG_AGO);
        fixtures.recharge(id, "1000");

        Money sum = Money.sum(field(wholeLedger(id, 2), "cash").stream().map(Money::parse).toList());

        assertEquals("1124.00", sum.toString());
        assertEquals(sum.toString(), account(id).get("cashBalance").getStringValue());
    }

    @Test
    void theLedgerShowsOnlyTheCallersEntries() {
        String mine = fixtures.verifiedAccount();
        String other = fixtures.verifiedAccount();
        fixtures.recharge(mine, "1.00");
        fixtures.recharge(other, "2.00");
        fixtures.recharge(other, "3.00");

        assertEquals(List.of("1.00"), field(wholeLedger(mine, 20), "cash"));
        assertEquals(List.of("3.00", "2.00"), field(wholeLedger(other, 20), "cash"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "abc", "101", "-5", ""})
    void anInvalidLedgerLimitIsRefused(String limit) {
        String id = fixtures.verifiedAccount();
        fixtures.recharge(id, "1.00");
        if (limit.isEmpty()) {
            // "?limit=" with nothing: not a number either
            api.problem(get(id, "/account/ledger?limit="), 400, "VALIDATION_FAILED");
            return;
        }
        JsonNode problem = api.problem(get(id, "/account/ledger?limit=" + limit), 400, "VALIDATION_FAILED");
        assertEquals("limit", problem.get("errors").get(0).get("field").getStringValue());
    }

    @Test
    void anotherAccountsOrAForgedLedgerTokenIsRefused() {
        String mine = fixtures.verifiedAccount();
        String other = fixtures.verifiedAccount();
        fixtures.recharge(mine, "1.00");
        fixtures.recharge(mine, "1.00");
        fixtures.recharge(other, "2.00");
        fixtures.recharge(other, "2.00");
        String othersToken = api.ok(get(other, "/account/ledger?limit=1"), 200).get("nextToken").getStringValue();

        api.problem(get(mine, "/account/ledger?nextToken=" + othersToken), 400, "VALIDATION_FAILED");
        api.problem(get(mine, "/account/ledger?nextToken=garbage"), 400, "VALIDATION_FAILED");
        // names the caller's partition but a key outside the ledger, or not the table's key
        for (String forged : List.of("accountId=" + mine + "\nsk=COUPON#x\n", "accountId=" + mine + "\n",
                "accountId=" + mine + "\nsk=ENTRY#1\nextra=1\n")) {
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
            api.problem(get(mine, "/account/ledger?nextToken=" + token), 400, "VALIDATION_FAILED");
        }
    }

    @Test
    void noClaimsIsUnauthenticated() {
        api.problem(api.call(SAMPLE, "GET", "/account", null, null, null, Map.of()), 401, "UNAUTHENTICATED");
        api.problem(api.call(SAMPLE, "GET", "/account/ledger", null, null, null, Map.of()), 401, "UNAUTHENTICATED");
    }

    @Test
    void theSampleEventAsSamWouldSendItIsAnswered() {
        JsonNode body = api.ok(function.invoke(ApiGatewayEvents.sample(SAMPLE)), 200);
        assertEquals("acct-demo", body.get("accountId").getStringValue());
    }

    @Test
    void arrearsAreTheSumOfTheUnpaidBills_G3() {
        String id = fixtures.verifiedAccount();
        Instance instance = fixtures.payByConfiguration(id,
                fixtures.nodeWithHourlyPrice("2.00", 5), Instant.parse("2026-01-01T00:00:00Z"));
        DynamoLifecycleStore store =
                new DynamoLifecycleStore(fixtures.dynamo, fixtures.tables);
        List<Bill> bills = new ArrayList<>();
        for (int hour = 0; hour < 3; hour++) {
            Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * hour);
            bills.add(new Bill(
                    Bill.idOf(instance.id(), start), instance.id(), id, start,
                    start.plusSeconds(3600), 3600, Money.parse(hour == 0 ? "2.00" : "1.25"),
                    hour == 0 ? BillStatus.PAID
                            : BillStatus.UNPAID));
        }
        store.commit(List.of(new LifecycleChange(instance, bills, List.of(), false)),
                null);

        assertEquals("2.50", account(id).get("arrears").getStringValue());
    }

    @Test
    void theForecastFollowsLaunchesPriceChangesAndDeletes_G7() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        function.clock().set(now);
        try {
            JsonNode idle = account(account);
            assertEquals("0.00", idle.get("payByConfigurationHourly").getStringValue());
            assertTrue(idle.get("coversUntil").isNull(), "nothing runs: no end");

            String[] two = fixtures.nodeWithHourlyPrice("2.00", 5);
            String[] three = fixtures.nodeWithHourlyPrice("3.00", 5);
            fixtures.payByConfiguration(account, two, now.minusSeconds(3600));
            Instance dearer = fixtures.payByConfiguration(account, three, now.minusSeconds(3600));
            JsonNode running = account(account);
            assertEquals("5.00", running.get("payByConfigurationHourly").getStringValue());
            assertEquals("2026-06-02T04:00:00+08:00", running.get("coversUntil").getStringValue(), "100.00 / 5.00 = 20 h");

            fixtures.changeHourlyPrice(two, "7.00", now.minusSeconds(60));
            JsonNode repriced = account(account);
            assertEquals("10.00", repriced.get("payByConfigurationHourly").getStringValue());
            assertEquals("2026-06-01T18:00:00+08:00", repriced.get("coversUntil").getStringValue(), "10 h");

            fixtures.instances.update(fixtures.instance(dearer.id())
                    .withState(BillingState.RELEASED, null, now, null));
            JsonNode deleted = account(account);
            assertEquals("7.00", deleted.get("payByConfigurationHourly").getStringValue());
            assertEquals("2026-06-01T22:17:08+08:00", deleted.get("coversUntil").getStringValue(),
                    "100.00 / 7.00 = 14 h 17 min 8 s");
        } finally {
            function.clock().reset();
        }
    }
}
