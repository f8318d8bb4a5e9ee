package com.edgecloud.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.dynamodb.DynamoBillRepository;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import com.edgecloud.testing.Fixtures;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DELETE /instances/{id} (G6, P4, E2, E5) and GET /instances/{id}/bills through the real handler. */
class InstanceDeletionAndBillsIntegrationTest {

    static final String SAMPLE = "instances-list.json";
    static final Fixtures fixtures = new Fixtures();
    @RegisterExtension
    static final FunctionHarness function = new FunctionHarness(InstancesHandler::new);
    static final HandlerApi api = new HandlerApi(function);

    APIGatewayV2HTTPResponse delete(String account, String id, Map<String, String> headers) {
        return api.call(SAMPLE, "DELETE", "/instances/" + id, null, account, "[user]", headers);
    }

    /** A DELETE with a key of its own, as every DELETE needs (SPEC §9). */
    static Map<String, String> newKey() {
        return Map.of("Idempotency-Key", Ids.next("k"));
    }

    @Test
    void deleteBillsTheSecondsNotYetBilledToTheSecondAndReleases_G6() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        String[] spec = fixtures.nodeWithHourlyPrice("3.60", 5);
        Instant launch = Instant.parse("2026-03-01T02:00:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        function.clock().set(launch.plusSeconds(1234));

        JsonNode body = api.ok(delete(account, instance.id(), newKey()), 200);

        assertEquals("RELEASED", body.get("billingState").getStringValue());
        assertEquals("STOPPED", body.get("powerState").getStringValue());
        JsonNode bill = body.get("finalBill");
        assertEquals(1234, bill.get("seconds").getLongValue());
        assertEquals("1.23", bill.get("amount").getStringValue()); // 3.60 × 1234 / 3600 = 1.234
        assertEquals("PAID", bill.get("status").getStringValue());
        assertEquals("2026-03-01T10:00:00+08:00", bill.get("periodStart").getStringValue());
        assertEquals("2026-03-01T10:20:34+08:00", bill.get("periodEnd").getStringValue());
        assertEquals(Money.parse("98.77"), fixtures.account(account).wallet().cash());
        assertEquals(6, fixtures.stock(spec[0], spec[1]));
        Instance released = fixtures.instance(instance.id());
        assertEquals(BillingState.RELEASED, released.billingState());
        assertEquals(null, released.due());
        assertEquals(0, fixtures.outbox(account).size(), "E5: an owner's own delete notifies nobody");

        JsonNode bills = api.ok(api.call(SAMPLE, "GET", "/instances/" + instance.id() + "/bills", null, account,
                "[user]", Map.of()), 200);
        assertEquals(1, bills.get("items").size());
        HandlerApi.assertNullField(bills, "nextToken");
        assertEquals(instance.id(), bills.get("items").values().iterator().next().get("instanceId").getStringValue());

        JsonNode history = api.ok(api.call(SAMPLE, "GET", "/instances/" + instance.id() + "/operations", null, account,
                "[user]", Map.of()), 200).get("items");
        assertEquals(1, history.size(), "the delete is in the operation history (SPEC §11)");
        JsonNode deleted = history.values().iterator().next();
        assertEquals("DELETE", deleted.get("operation").getStringValue());
        assertEquals(account, deleted.get("by").getStringValue());
        assertEquals("RUNNING", deleted.get("powerStateFrom").getStringValue());
        assertEquals("STOPPED", deleted.get("powerStateTo").getStringValue());
    }

    @Test
    void theFinalBillPricesEachSecondAtThePriceInEffectThen_G6_G2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        String[] spec = fixtures.nodeWithHourlyPrice("3.60", 5);
        Instant launch = Instant.parse("2026-03-04T02:00:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        fixtures.changeHourlyPrice(spec, "36.00", launch.plusSeconds(1000));
        function.clock().set(launch.plusSeconds(1234));

        JsonNode bill = api.ok(delete(account, instance.id(), newKey()), 200).get("finalBill");

        assertEquals(1234, bill.get("seconds").getLongValue());
        assertEquals("3.34", bill.get("amount").getStringValue()); // 3.60 × 1000 s + 36.00 × 234 s = 1.00 + 2.34
        assertEquals(Money.parse("96.66"), fixtures.account(account).wallet().cash());
    }

    @Test
    void deleteWithoutMoneyLeavesTheFinalBillUnpaidAsArrears_G6() {
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant launch = Instant.parse("2026-03-02T02:00:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        function.clock().set(launch.plus(Duration.ofMinutes(30)));

        JsonNode body = api.ok(delete(account, instance.id(), newKey()), 200);

        assertEquals("UNPAID", body.get("finalBill").get("status").getStringValue());
        assertEquals("1.00", body.get("finalBill").get("amount").getStringValue());
        assertEquals(Money.parse("1.00"),
                new DynamoBillRepository(fixtures.dynamo, fixtures.tables).arrears(account), "G3: arrears");
        assertEquals(BillingState.RELEASED, fixtures.instance(instance.id()).billingState());
    }

    @Test
    void deletingAnOverdueInstanceBillsNothingMore_G4_G6() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant launch = Instant.parse("2026-03-03T02:00:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        Instant since = launch.plus(Duration.ofHours(1));
        fixtures.instances.update(instance.withMetering(since, 3600, 200L * 3600, 200)
                .withState(BillingState.OVERDUE, since, since.plus(Duration.ofDays(7)),
                        Due.of(Due.Kind.EXPIRY, instance.id(), since.plus(Duration.ofDays(7)))));
        function.clock().set(since.plus(Duration.ofHours(5)));

        JsonNode body = api.ok(delete(account, instance.id(), newKey()), 200);

        HandlerApi.assertNullField(body, "finalBill");
        assertEquals(Money.parse("100.00"), fixtures.account(account).wallet().cash());
        assertEquals(6, fixtures.stock(spec[0], spec[1]));
    }

    @Test
    void monthlyPackageCannotBeDeleted_P4() {
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instance instance = fixtures.monthly(account, spec, Instant.parse("2026-01-01T07:00:00Z"),
                Instant.parse("2026-02-01T15:59:59Z"));
        JsonNode problem = api.problem(delete(account, instance.id(), newKey()), 409, "OPERATION_NOT_ALLOWED");
        assertEquals("P4", problem.get("rule").getStringValue());
        assertEquals("NORMAL", problem.get("billingState").getStringValue());
        assertEquals(instance.version(), fixtures.instance(instance.id()).version());
    }

    @Test
    void releasedInstanceCannotBeDeletedAgainButAKeyedRepeatAnswersTheFirstAnswer_E2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant launch = Instant.parse("2026-03-04T02:00:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        function.clock().set(launch.plus(Duration.ofMinutes(6)));
        Map<String, String> key = Map.of("Idempotency-Key", Ids.next("k"));

        JsonNode first = api.ok(delete(account, instance.id(), key), 200);
        JsonNode repeat = api.ok(delete(account, instance.id(), key), 200);

        assertEquals(first, repeat);
        assertEquals(Money.parse("99.80"), fixtures.account(account).wallet().cash(), "charged once");
        assertEquals(6, fixtures.stock(spec[0], spec[1]), "returned once");
        JsonNode problem = api.problem(delete(account, instance.id(), newKey()), 409, "OPERATION_NOT_ALLOWED");
        assertEquals("RELEASED", problem.get("billingState").getStringValue());
    }

    @Test
    void deleteWithoutIdempotencyKeyIsRefusedAndChangesNothing_S9() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        String[] spec = fixtures.nodeWithHourlyPrice("3.60", 5);
        Instant launch = Instant.parse("2026-03-06T02:00:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        function.clock().set(launch.plus(Duration.ofHours(2)));
        Fixtures.Snapshot before = fixtures.snapshot(account, spec[0], spec[1]);

        JsonNode problem = api.problem(delete(account, instance.id(), Map.of()), 400, "VALIDATION_FAILED");

        assertEquals("Idempotency-Key", problem.get("errors").get(0).get("field").getStringValue());
        assertEquals(before, fixtures.snapshot(account, spec[0], spec[1]), "not released, not billed: nothing written");
        assertEquals(BillingState.NORMAL, fixtures.instance(instance.id()).billingState());
    }

    @Test
    void anotherAccountsInstanceIsNotFound() {
        String owner = fixtures.verifiedAccount();
        Instance instance = fixtures.payByConfiguration(owner, fixtures.nodeWithHourlyPrice("2.00", 5),
                Instant.parse("2026-03-05T02:00:00Z"));
        String stranger = fixtures.verifiedAccount();
        api.problem(delete(stranger, instance.id(), newKey()), 404, "NOT_FOUND");
        api.problem(api.call(SAMPLE, "GET", "/instances/" + instance.id() + "/bills", null, stranger, "[user]",
                Map.of()), 404, "NOT_FOUND");
        assertEquals(BillingState.NORMAL, fixtures.instance(instance.id()).billingState());
        assertEquals(PowerState.RUNNING, fixtures.instance(instance.id()).powerState());
    }
}
