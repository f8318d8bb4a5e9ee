package com.edgecloud.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import com.edgecloud.testing.Fixtures;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R4: GET and PUT /instances/{id}/auto-renewal through the real RenewalHandler on DynamoDB Local. */
class AutoRenewalHandlerIntegrationTest {

    static final String SAMPLE = "auto-renewal.json";
    static final Fixtures fixtures = new Fixtures();
    static FunctionHarness function;
    static HandlerApi api;
    static final Instant BOUGHT = at("2016-01-01T15:00:00+08:00");
    static final Instant EXPIRES = at("2016-02-01T23:59:59+08:00");

    @BeforeAll
    static void start() {
        function = new FunctionHarness(RenewalHandler::new);
        api = new HandlerApi(function);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @BeforeEach
    void clockAt20160110() {
        function.clock().set(at("2016-01-10T10:00:00+08:00"));
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    record Owner(String account, String[] spec) {
    }

    static Owner owner() {
        return new Owner(fixtures.verifiedAccount(), fixtures.nodeWithSpec(NodeStatus.OPEN, 5));
    }

    static Instance monthly(Owner o) {
        return fixtures.monthly(o.account(), o.spec(), BOUGHT, EXPIRES);
    }

    static APIGatewayV2HTTPResponse get(String account, String instanceId) {
        return api.call(SAMPLE, "GET", "/instances/" + instanceId + "/auto-renewal", null, account, "[user]", Map.of());
    }

    static APIGatewayV2HTTPResponse put(String account, String instanceId, String body) {
        return api.call(SAMPLE, "PUT", "/instances/" + instanceId + "/auto-renewal", body, account, "[user]", Map.of());
    }

    static Fixtures.Snapshot snapshot(Owner o) {
        return fixtures.snapshot(o.account(), o.spec()[0], o.spec()[1]);
    }

    @Test
    void offUntilTheOwnerTurnsItOn_R4() {
        Owner o = owner();
        Instance i = monthly(o);

        JsonNode off = api.ok(get(o.account(), i.id()), 200);
        assertFalse(off.get("enabled").getBooleanValue());
        HandlerApi.assertNullField(off, "duration");

        JsonNode on = api.ok(put(o.account(), i.id(), "{\"enabled\":true,\"duration\":{\"unit\":\"YEAR\",\"count\":1}}"), 200);
        assertTrue(on.get("enabled").getBooleanValue());
        assertEquals("YEAR", on.get("duration").get("unit").getStringValue());
        assertEquals(1, on.get("duration").get("count").getIntValue());
        assertEquals(on, api.ok(get(o.account(), i.id()), 200));

        JsonNode offAgain = api.ok(put(o.account(), i.id(), "{\"enabled\":false}"), 200);
        assertFalse(offAgain.get("enabled").getBooleanValue());
        HandlerApi.assertNullField(offAgain, "duration");
        assertFalse(fixtures.instance(i.id()).autoRenewal().enabled());
    }

    @Test
    void theInstanceViewCarriesTheSetting_R4() {
        Owner o = owner();
        fixtures.recharge(o.account(), "1000.00");
        Instance i = monthly(o);
        api.ok(put(o.account(), i.id(), "{\"enabled\":true,\"duration\":{\"unit\":\"MONTH\",\"count\":1}}"), 200);

        JsonNode renewed = api.ok(api.call("renewal.json", "POST", "/instances/" + i.id() + "/renewals",
                "{\"duration\":{\"unit\":\"MONTH\",\"count\":1},\"paymentMethod\":\"BALANCE\"}", o.account(), "[user]",
                Map.of("idempotency-key", UUID.randomUUID().toString())), 200);
        JsonNode autoRenewal = renewed.get("autoRenewal");
        assertTrue(autoRenewal.get("enabled").getBooleanValue(), "R4: a manual renewal keeps it on: " + renewed);
        assertEquals("MONTH", autoRenewal.get("duration").get("unit").getStringValue());
    }

    @Test
    void enablingInsideTheWindowMakesTheInstanceDueNow_R4() {
        Owner o = owner();
        Instance i = monthly(o);
        Instant twoDaysBefore = EXPIRES.minus(Duration.ofDays(2));
        fixtures.instances.update(i.withDue(Due.of(Due.Kind.EXPIRY, i.id(), EXPIRES.minus(Duration.ofDays(1)))));
        function.clock().set(twoDaysBefore);

        api.ok(put(o.account(), i.id(), "{\"enabled\":true,\"duration\":{\"unit\":\"MONTH\",\"count\":2}}"), 200);
        assertEquals(twoDaysBefore, fixtures.instance(i.id()).due().at());
    }

    @Test
    void badInputIsRefusedAndWritesNothing_R4() {
        Owner o = owner();
        Instance i = monthly(o);
        Fixtures.Snapshot before = snapshot(o);
        for (String body : List.of("{\"enabled\":true}", "{\"duration\":{\"unit\":\"MONTH\",\"count\":1}}",
                "{\"enabled\":true,\"duration\":{\"unit\":\"MONTH\",\"count\":10}}",
                "{\"enabled\":\"yes\",\"duration\":{\"unit\":\"MONTH\",\"count\":1}}",
                "{\"enabled\":true,\"duration\":{\"unit\":\"WEEK\",\"count\":1}}",
                "{\"enabled\":true,\"duration\":{\"unit\":\"MONTH\",\"count\":1},\"extra\":1}", "[]", "")) {
            JsonNode problem = api.problem(put(o.account(), i.id(), body), 400, "VALIDATION_FAILED");
            assertTrue(problem.get("errors").size() > 0, body + " → " + problem);
        }
        assertEquals(before, snapshot(o), "nothing written");
    }

    @Test
    void onlyANormalMonthlyPackageTakesIt_R4_E2() {
        Owner o = owner();
        Instance expired = fixtures.instances.update(monthly(o).withState(BillingState.EXPIRED, null,
                EXPIRES.plus(Duration.ofDays(7)), null));
        Instance payg = fixtures.payByConfiguration(o.account(), o.spec(), BOUGHT);
        Fixtures.Snapshot before = snapshot(o);
        String on = "{\"enabled\":true,\"duration\":{\"unit\":\"MONTH\",\"count\":1}}";

        JsonNode refused = api.problem(put(o.account(), expired.id(), on), 409, "OPERATION_NOT_ALLOWED");
        assertEquals("EXPIRED", refused.get("billingState").getStringValue());
        assertEquals("R4", refused.get("rule").getStringValue());
        JsonNode notMonthly = api.problem(put(o.account(), payg.id(), on), 409, "OPERATION_NOT_ALLOWED");
        assertEquals("NORMAL", notMonthly.get("billingState").getStringValue());
        assertEquals(before, snapshot(o), "nothing written");
        assertEquals(PowerState.RUNNING, fixtures.instance(expired.id()).powerState());
    }

    @Test
    void anotherAccountsInstanceIsNotFound_R4() {
        Owner o = owner();
        Owner stranger = owner();
        Instance i = monthly(o);
        Fixtures.Snapshot before = snapshot(o);

        api.problem(get(stranger.account(), i.id()), 404, "NOT_FOUND");
        api.problem(put(stranger.account(), i.id(), "{\"enabled\":true,\"duration\":{\"unit\":\"MONTH\",\"count\":1}}"),
                404, "NOT_FOUND");
        api.problem(get(o.account(), Ids.next("i")), 404, "NOT_FOUND");
        assertEquals(before, snapshot(o));
    }
}
