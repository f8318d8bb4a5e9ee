package com.edgecloud.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.http.ApiGatewayEvents;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import com.edgecloud.testing.Fixtures;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Start, stop and reinstall (E2), the operation history and the terms list, through the real
 * InstancesHandler on DynamoDB Local.
 */
class InstancesPowerOperationsIntegrationTest {

    static final String SAMPLE = "instances-power-operation.json";
    static final Instant NOW = OffsetDateTime.parse("2016-01-10T10:00:00+08:00").toInstant();
    static final Fixtures fixtures = new Fixtures();
    static final String[] SPEC = fixtures.nodeWithSpec(NodeStatus.OPEN, 1);
    @RegisterExtension
    static final FunctionHarness function = new FunctionHarness(InstancesHandler::new);
    static final HandlerApi api = new HandlerApi(function);

    @BeforeEach
    void frozenClock() {
        function.clock().set(NOW);
    }

    static Instance instance(String account, BillingMethod method, BillingState state, PowerState power) {
        String id = Ids.next("i");
        Instant created = NOW.minus(Duration.ofDays(40));
        boolean monthly = method == BillingMethod.MONTHLY_PACKAGE;
        Instant expiresAt = monthly ? NOW.plus(Duration.ofDays(20)) : null;
        Instant overdueSince = state == BillingState.OVERDUE ? NOW.minus(Duration.ofDays(1)) : null;
        Instant releaseAt = state == BillingState.EXPIRED || state == BillingState.OVERDUE ? NOW.plus(Duration.ofDays(6)) : null;
        Due due = state == BillingState.RELEASED ? null
                : monthly ? Due.firstOfTerm(id, created, expiresAt) : Due.of(Due.Kind.USAGE, id, NOW);
        Instance instance = new Instance(id, account, "node-sh-1", "cps-std-1", Ids.next("ord"), method, state, power,
                monthly ? created : null, expiresAt, overdueSince, releaseAt, created, due, monthly ? null : created,
                0, 0, null, 0);
        fixtures.instances.create(instance);
        return instance;
    }

    static Instance normalMonthly(String account, PowerState power) {
        return instance(account, BillingMethod.MONTHLY_PACKAGE, BillingState.NORMAL, power);
    }

    /** A power operation with a key of its own, as every one needs (SPEC §9). */
    APIGatewayV2HTTPResponse post(String account, String instanceId, String operation) {
        return post(account, instanceId, operation, UUID.randomUUID().toString());
    }

    APIGatewayV2HTTPResponse post(String account, String instanceId, String operation, String key) {
        return api.call(SAMPLE, "POST", "/instances/" + instanceId + "/" + operation, null, account, "[user]",
                key == null ? Map.of() : Map.of("idempotency-key", key));
    }

    APIGatewayV2HTTPResponse get(String account, String path) {
        return api.call(SAMPLE, "GET", path, null, account, "[user]", Map.of());
    }

    /** Every table an account's data lives in; the spec only because a snapshot includes one's stock. */
    static Fixtures.Snapshot snapshot(String account) {
        return fixtures.snapshot(account, SPEC[0], SPEC[1]);
    }

    static String text(JsonNode node, String field) {
        assertNotNull(node.get(field), field + " missing in " + node);
        return node.get(field).isNull() ? null : node.get(field).getStringValue();
    }

    // ---- E2: every cell of start / stop / reinstall ------------------------------------------

    @ParameterizedTest(name = "{0} {1} {2} {3}: {4}")
    @CsvSource({
            "MONTHLY_PACKAGE, NORMAL, RUNNING, start, RUNNING",
            "MONTHLY_PACKAGE, NORMAL, STOPPED, start, RUNNING",
            "MONTHLY_PACKAGE, NORMAL, RUNNING, stop, STOPPED",
            "MONTHLY_PACKAGE, NORMAL, STOPPED, stop, STOPPED",
            "MONTHLY_PACKAGE, NORMAL, RUNNING, reinstall, RUNNING",
            "MONTHLY_PACKAGE, NORMAL, STOPPED, reinstall, RUNNING",
            "PAY_BY_CONFIGURATION, NORMAL, RUNNING, start, RUNNING",
            "PAY_BY_CONFIGURATION, NORMAL, STOPPED, start, RUNNING",
            "PAY_BY_CONFIGURATION, NORMAL, RUNNING, stop, STOPPED",
            "PAY_BY_CONFIGURATION, NORMAL, STOPPED, stop, STOPPED",
            "PAY_BY_CONFIGURATION, NORMAL, RUNNING, reinstall, RUNNING",
            "PAY_BY_CONFIGURATION, NORMAL, STOPPED, reinstall, RUNNING"})
    void aPowerOperationWhileNormalIsAcceptedAndRecorded_E2(BillingMethod method, BillingState state, PowerState from,
                                                            String operation, PowerState to) {
        String account = Ids.next("acct");
        Instance i = instance(account, method, state, from);

        JsonNode body = api.ok(post(account, i.id(), operation), 200);

        assertEquals(to.name(), text(body, "powerState"));
        assertEquals("NORMAL", text(body, "billingState"));
        Instance after = fixtures.instances.find(i.id()).orElseThrow();
        assertEquals(to, after.powerState());
        assertEquals(i.expiresAt(), after.expiresAt());
        assertEquals(i.due(), after.due(), "a power operation leaves the due point alone");
        JsonNode history = api.ok(get(account, "/instances/" + i.id() + "/operations"), 200).get("items");
        assertEquals(1, history.size(), "recorded, even when it changed nothing");
        JsonNode op = history.get(0);
        assertEquals(operation.toUpperCase(), text(op, "operation"));
        assertEquals(account, text(op, "by"));
        assertEquals(from.name(), text(op, "powerStateFrom"));
        assertEquals(to.name(), text(op, "powerStateTo"));
        assertEquals("2016-01-10T10:00:00+08:00", text(op, "at"));
        assertTrue(text(op, "id").startsWith("op-"));
    }

    @ParameterizedTest(name = "{0} {1} {2}: 409")
    @CsvSource({
            "MONTHLY_PACKAGE, EXPIRED, start", "MONTHLY_PACKAGE, EXPIRED, stop", "MONTHLY_PACKAGE, EXPIRED, reinstall",
            "MONTHLY_PACKAGE, RELEASED, start", "MONTHLY_PACKAGE, RELEASED, stop", "MONTHLY_PACKAGE, RELEASED, reinstall",
            "PAY_BY_CONFIGURATION, OVERDUE, start", "PAY_BY_CONFIGURATION, OVERDUE, stop",
            "PAY_BY_CONFIGURATION, OVERDUE, reinstall",
            "PAY_BY_CONFIGURATION, RELEASED, start", "PAY_BY_CONFIGURATION, RELEASED, stop",
            "PAY_BY_CONFIGURATION, RELEASED, reinstall"})
    void aPowerOperationOutsideNormalIsRefusedAndChangesNothing_E2(BillingMethod method, BillingState state,
                                                                  String operation) {
        String account = Ids.next("acct");
        Instance i = instance(account, method, state, PowerState.RUNNING);
        Fixtures.Snapshot before = snapshot(account);

        JsonNode problem = api.problem(post(account, i.id(), operation, UUID.randomUUID().toString()), 409,
                "OPERATION_NOT_ALLOWED");

        assertEquals(state.name(), text(problem, "billingState"));
        assertEquals("E2", text(problem, "rule"));
        assertEquals(before, snapshot(account), "nothing changed, the key released");
    }

    @ParameterizedTest(name = "{0} without a key: 400")
    @ValueSource(strings = {"start", "stop", "reinstall"})
    void powerOperationWithoutIdempotencyKeyIsRefusedAndChangesNothing_S9(String operation) {
        String account = Ids.next("acct");
        Instance i = normalMonthly(account, PowerState.STOPPED);
        Fixtures.Snapshot before = snapshot(account);

        JsonNode problem = api.problem(post(account, i.id(), operation, null), 400, "VALIDATION_FAILED");

        assertEquals("Idempotency-Key", text(problem.get("errors").get(0), "field"));
        assertEquals(before, snapshot(account), "nothing changed, no operation recorded");
        assertEquals(0, api.ok(get(account, "/instances/" + i.id() + "/operations"), 200).get("items").size());
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstAnswerAndABadKeyIsRefused_S9() {
        String account = Ids.next("acct");
        Instance i = normalMonthly(account, PowerState.RUNNING);
        String key = UUID.randomUUID().toString();

        APIGatewayV2HTTPResponse first = post(account, i.id(), "stop", key);
        api.ok(post(account, i.id(), "start"), 200);
        APIGatewayV2HTTPResponse replay = post(account, i.id(), "stop", key);

        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals(first.getBody(), replay.getBody(), "the first answer again");
        assertEquals(PowerState.RUNNING, fixtures.instances.find(i.id()).orElseThrow().powerState(),
                "the replay stopped nothing");
        assertEquals(2, api.ok(get(account, "/instances/" + i.id() + "/operations"), 200).get("items").size());
        api.problem(post(account, i.id(), "stop", "bad key with spaces"), 400, "VALIDATION_FAILED");
    }

    // ---- history ---------------------------------------------------------------------------------

    @Test
    void theOperationHistoryListsNewestFirstAndPages_S11() {
        String account = Ids.next("acct");
        Instance i = normalMonthly(account, PowerState.RUNNING);
        List<String> done = List.of("stop", "start", "reinstall", "stop", "stop");
        for (int n = 0; n < done.size(); n++) {
            function.clock().set(NOW.plus(Duration.ofMinutes(n / 2))); // some share a second: still in order
            api.ok(post(account, i.id(), done.get(n)), 200);
        }

        List<String> seen = new ArrayList<>();
        List<String> powerFrom = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = api.ok(get(account, "/instances/" + i.id() + "/operations?limit=2"
                    + (token == null ? "" : "&nextToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8))), 200);
            for (JsonNode op : page.get("items").values()) {
                seen.add(text(op, "operation"));
                powerFrom.add(text(op, "powerStateFrom"));
            }
            token = text(page, "nextToken");
            assertTrue(++pages <= 5);
        } while (token != null);

        assertEquals(List.of("STOP", "STOP", "REINSTALL", "START", "STOP"), seen, "newest first");
        assertEquals(List.of("STOPPED", "RUNNING", "RUNNING", "STOPPED", "RUNNING"), powerFrom);
        assertEquals(3, pages);
        String othersToken = api.ok(get(account, "/instances/" + i.id() + "/operations?limit=1"), 200)
                .get("nextToken").getStringValue();
        Instance another = normalMonthly(account, PowerState.RUNNING);
        api.problem(get(account, "/instances/" + another.id() + "/operations?nextToken="
                + URLEncoder.encode(othersToken, StandardCharsets.UTF_8)), 400, "VALIDATION_FAILED");
    }

    @Test
    void termsAreListedOldestFirst_P3_R2() {
        String account = Ids.next("acct");
        Instance i = normalMonthly(account, PowerState.RUNNING);
        // as the purchase and two renewals write them (the Terms table's item format)
        term(i, "2015-12-01T07:00:00Z", "2016-01-01T15:59:59Z", "1", "100000", "orderId", "ord-1");
        term(i, "2016-01-01T16:00:00Z", "2016-02-02T15:59:59Z", "1", "100000", "renewalId", "rnw-1");
        term(i, "2016-02-02T16:00:00Z", "2016-04-03T15:59:59Z", "2", "200000", "renewalId", "rnw-2");

        JsonNode first = api.ok(get(account, "/instances/" + i.id() + "/terms?limit=2"), 200);
        JsonNode rest = api.ok(get(account, "/instances/" + i.id() + "/terms?limit=2&nextToken="
                + URLEncoder.encode(text(first, "nextToken"), StandardCharsets.UTF_8)), 200);

        JsonNode t0 = first.get("items").get(0);
        assertEquals("2015-12-01T15:00:00+08:00", text(t0, "termStartsAt"));
        assertEquals("2016-01-01T23:59:59+08:00", text(t0, "expiresAt"));
        assertEquals("MONTH", text(t0.get("duration"), "unit"));
        assertEquals(1, t0.get("duration").get("count").getIntValue());
        assertEquals("1000.00", text(t0, "amount"));
        assertEquals("ord-1", text(t0, "orderId"));
        HandlerApi.assertNullField(t0, "renewalId");
        assertEquals("2016-01-02T00:00:00+08:00", text(first.get("items").get(1), "termStartsAt"));
        assertEquals(1, rest.get("items").size());
        assertEquals("rnw-2", text(rest.get("items").get(0), "renewalId"));
        assertEquals("2000.00", text(rest.get("items").get(0), "amount"));
        HandlerApi.assertNullField(rest, "nextToken");
    }

    static void term(Instance i, String start, String expires, String months, String fen, String source, String id) {
        fixtures.dynamo.putItem(r -> r.tableName(fixtures.tables.terms()).item(Map.of(
                "instanceId", AttributeValue.fromS(i.id()), "sk", AttributeValue.fromS(start),
                "accountId", AttributeValue.fromS(i.accountId()),
                "termStartsAt", AttributeValue.fromS(start), "expiresAt", AttributeValue.fromS(expires),
                "durationUnit", AttributeValue.fromS("MONTH"), "durationCount", AttributeValue.fromN(months),
                "amountFen", AttributeValue.fromN(fen), source, AttributeValue.fromS(id))));
    }

    // ---- 404 on every route -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"POST start", "POST stop", "POST reinstall", "GET terms", "GET operations"})
    void anotherAccountsInstanceIsNotFoundOnEveryRoute_S9(String route) {
        String owner = Ids.next("acct");
        String stranger = Ids.next("acct");
        Instance i = normalMonthly(owner, PowerState.RUNNING);
        Fixtures.Snapshot before = snapshot(owner);
        String[] parts = route.split(" ");

        for (String[] caller : new String[][] {{stranger, i.id()}, {owner, Ids.next("i")}}) {
            APIGatewayV2HTTPResponse response = parts[0].equals("POST")
                    ? post(caller[0], caller[1], parts[1], UUID.randomUUID().toString())
                    : get(caller[0], "/instances/" + caller[1] + "/" + parts[1]);
            api.problem(response, 404, "NOT_FOUND");
        }
        assertEquals(before, snapshot(owner));
        assertEquals(0, fixtures.instances.find(i.id()).orElseThrow().version());
    }

    @Test
    void theSampleEventAsSamWouldSendItIsAnswered() {
        // events/instances-power-operation.json unchanged: acct-demo stops i-demo-0001, unknown here
        api.problem(function.invoke(ApiGatewayEvents.sample(SAMPLE)), 404, "NOT_FOUND");
    }
}
