package com.edgecloud.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.http.ApiGatewayEvents;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import io.micronaut.json.tree.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * InstancesFunction through its real Lambda handler. Instances are written straight into
 * the table in the repositories' item format (no purchase path in this module).
 */
class InstancesHandlerIntegrationTest {

    static final String SAMPLE = "instances-list.json";
    static final Instant T0 = Instant.parse("2026-01-15T02:00:00Z");
    static final Fixtures fixtures = new Fixtures();
    @RegisterExtension
    static final FunctionHarness function = new FunctionHarness(InstancesHandler::new);
    static final HandlerApi api = new HandlerApi(function);

    static Instance monthly(String accountId, Instant createdAt) {
        String id = Ids.next("i");
        Instant expiresAt = Instant.parse("2026-02-15T15:59:59Z");
        return new Instance(id, accountId, "node-sh-1", "cps-std-1", Ids.next("ord"), BillingMethod.MONTHLY_PACKAGE,
                BillingState.NORMAL, PowerState.RUNNING, createdAt, expiresAt, null, null, createdAt,
                Due.firstOfTerm(id, createdAt, expiresAt), null, 0, 0, null, 0);
    }

    static Instance put(Instance instance) {
        fixtures.instances.create(instance);
        return instance;
    }

    /** {@code count} monthly instances of the account, created a minute apart; newest first. */
    static List<String> instancesOf(String accountId, int count) {
        List<String> newestFirst = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            newestFirst.add(0, put(monthly(accountId, T0.plus(Duration.ofMinutes(n)))).id());
        }
        return newestFirst;
    }

    APIGatewayV2HTTPResponse get(String accountId, String path) {
        return api.call(SAMPLE, "GET", path, null, accountId, "[user]", Map.of());
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : list.get("items").values()) {
            ids.add(item.get("id").getStringValue());
        }
        return ids;
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void listsOnlyTheCallersInstancesNewestFirst() {
        String mine = Ids.next("acct");
        String other = Ids.next("acct");
        List<String> expected = instancesOf(mine, 5);
        List<String> others = instancesOf(other, 2);

        JsonNode body = api.ok(get(mine, "/instances"), 200);

        assertEquals(expected, ids(body));
        HandlerApi.assertNullField(body, "nextToken");
        for (JsonNode item : body.get("items").values()) {
            assertEquals(mine, item.get("accountId").getStringValue());
        }
        assertEquals(others, ids(api.ok(get(other, "/instances"), 200)));
    }

    @Test
    void anAccountWithoutInstancesListsNone() {
        JsonNode body = api.ok(get(Ids.next("acct"), "/instances"), 200);
        assertEquals(0, body.get("items").size());
        HandlerApi.assertNullField(body, "nextToken");
    }

    @Test
    void pagesThroughWithLimitAndNextToken() {
        String account = Ids.next("acct");
        List<String> expected = instancesOf(account, 5);

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = api.ok(get(account, "/instances?limit=2" + (token == null ? "" : "&nextToken=" + query(token))),
                    200);
            sizes.add(page.get("items").size());
            seen.addAll(ids(page));
            JsonNode next = page.get("nextToken");
            assertNotNull(next, "nextToken must be present, null on the last page");
            token = next.isNull() ? null : next.getStringValue();
            assertTrue(++pages <= 5, "paging does not end");
        } while (token != null);

        assertEquals(expected, seen);
        assertEquals(List.of(2, 2, 1), sizes);
    }

    @Test
    void aFullLastPageHasNoNextToken() {
        String account = Ids.next("acct");
        List<String> expected = instancesOf(account, 4);

        JsonNode first = api.ok(get(account, "/instances?limit=2"), 200);
        JsonNode second = api.ok(get(account, "/instances?limit=2&nextToken="
                + query(first.get("nextToken").getStringValue())), 200);
        assertEquals(expected, concat(ids(first), ids(second)));
        HandlerApi.assertNullField(second, "nextToken");

        JsonNode all = api.ok(get(account, "/instances?limit=4"), 200);
        assertEquals(expected, ids(all));
        HandlerApi.assertNullField(all, "nextToken");
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void limitOfOneHundredIsAllowed() {
        String account = Ids.next("acct");
        List<String> expected = instancesOf(account, 3);
        assertEquals(expected, ids(api.ok(get(account, "/instances?limit=100"), 200)));
        assertEquals(expected.subList(0, 1), ids(api.ok(get(account, "/instances?limit=1"), 200)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "abc", "101", "-1", "1.5", "99999999999"})
    void anInvalidLimitIsRefused(String limit) {
        String account = Ids.next("acct");
        instancesOf(account, 1);
        JsonNode problem = api.problem(get(account, "/instances?limit=" + query(limit)), 400, "VALIDATION_FAILED");
        assertEquals("limit", problem.get("errors").get(0).get("field").getStringValue(), problem.toString());
    }

    @Test
    void anotherAccountsNextTokenIsRefused() {
        String mine = Ids.next("acct");
        String other = Ids.next("acct");
        instancesOf(mine, 3);
        instancesOf(other, 3);
        String othersToken = api.ok(get(other, "/instances?limit=1"), 200).get("nextToken").getStringValue();
        assertNotNull(othersToken);

        JsonNode problem = api.problem(get(mine, "/instances?limit=1&nextToken=" + query(othersToken)), 400,
                "VALIDATION_FAILED");
        assertEquals("nextToken", problem.get("errors").get(0).get("field").getStringValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-token", "%%%", "AAAA", "e30"})
    void aTamperedNextTokenIsRefused(String token) {
        String account = Ids.next("acct");
        instancesOf(account, 2);
        api.problem(get(account, "/instances?nextToken=" + query(token)), 400, "VALIDATION_FAILED");
    }

    @Test
    void aForgedTokenNamingTheCallersPartitionButNoFullKeyIsRefused() {
        String account = Ids.next("acct");
        instancesOf(account, 2);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("accountId=" + account + "\n").getBytes(StandardCharsets.UTF_8));
        api.problem(get(account, "/instances?nextToken=" + forged), 400, "VALIDATION_FAILED");
        String extra = Base64.getUrlEncoder().withoutPadding().encodeToString(("accountId=" + account
                + "\ncreatedKey=2026-01-15T02:00:00Z#i-x\ninstanceId=i-x\nbogus=1\n").getBytes(StandardCharsets.UTF_8));
        api.problem(get(account, "/instances?nextToken=" + extra), 400, "VALIDATION_FAILED");
    }

    @Test
    void getsTheCallersInstanceWithEveryFieldOfSpec11_T1() {
        String account = Ids.next("acct");
        Instance instance = put(monthly(account, T0));

        JsonNode body = api.ok(get(account, "/instances/" + instance.id()), 200);

        assertEquals(instance.id(), body.get("id").getStringValue());
        assertEquals(account, body.get("accountId").getStringValue());
        assertEquals("node-sh-1", body.get("nodeId").getStringValue());
        assertEquals("cps-std-1", body.get("specId").getStringValue());
        assertEquals("MONTHLY_PACKAGE", body.get("billingMethod").getStringValue());
        assertEquals("NORMAL", body.get("billingState").getStringValue());
        assertEquals("RUNNING", body.get("powerState").getStringValue());
        assertEquals("2026-01-15T10:00:00+08:00", body.get("termStartsAt").getStringValue());
        assertEquals("2026-02-15T23:59:59+08:00", body.get("expiresAt").getStringValue());
        assertEquals("2026-01-15T10:00:00+08:00", body.get("createdAt").getStringValue());
        HandlerApi.assertNullField(body, "overdueSince");
        HandlerApi.assertNullField(body, "releaseAt");
        for (String field : List.of("id", "accountId", "nodeId", "specId", "billingMethod", "billingState",
                "powerState", "termStartsAt", "expiresAt", "overdueSince", "releaseAt", "createdAt")) {
            assertNotNull(body.get(field), field + " missing from " + body);
        }
    }

    @Test
    void anOverduePayByConfigurationInstanceShowsOverdueSinceAndReleaseAt_E3() {
        String account = Ids.next("acct");
        Instant overdueSince = Instant.parse("2026-03-01T16:00:00Z");
        Instance overdue = put(new Instance(Ids.next("i"), account, "node-sh-1", "cps-std-1", Ids.next("ord"),
                BillingMethod.PAY_BY_CONFIGURATION, BillingState.OVERDUE, PowerState.STOPPED, null, null,
                overdueSince, overdueSince.plus(Duration.ofDays(7)), T0, null, overdueSince, 3600, 720, 720L * 3600, 3));

        JsonNode body = api.ok(get(account, "/instances/" + overdue.id()), 200);

        assertEquals("PAY_BY_CONFIGURATION", body.get("billingMethod").getStringValue());
        assertEquals("OVERDUE", body.get("billingState").getStringValue());
        assertEquals("STOPPED", body.get("powerState").getStringValue());
        assertEquals("2026-03-02T00:00:00+08:00", body.get("overdueSince").getStringValue());
        assertEquals("2026-03-09T00:00:00+08:00", body.get("releaseAt").getStringValue());
        HandlerApi.assertNullField(body, "termStartsAt");
        HandlerApi.assertNullField(body, "expiresAt");
        // the list shows the same wire form
        JsonNode listed = api.ok(get(account, "/instances"), 200).get("items").get(0);
        assertEquals(body.toString(), listed.toString());
    }

    @Test
    void anotherAccountsInstanceIsNotFound_asIfItDidNotExist() {
        String owner = Ids.next("acct");
        Instance instance = put(monthly(owner, T0));

        JsonNode problem = api.problem(get(Ids.next("acct"), "/instances/" + instance.id()), 404, "NOT_FOUND");
        JsonNode unknown = api.problem(get(owner, "/instances/" + Ids.next("i")), 404, "NOT_FOUND");

        assertFalse(problem.toString().contains(owner), "must not leak the owner: " + problem);
        assertEquals(problem.get("title").getStringValue(), unknown.get("title").getStringValue());
        api.ok(get(owner, "/instances/" + instance.id()), 200);
    }

    @Test
    void noClaimsIsUnauthenticated() {
        String account = Ids.next("acct");
        Instance instance = put(monthly(account, T0));
        api.problem(api.call(SAMPLE, "GET", "/instances", null, null, null, Map.of()), 401, "UNAUTHENTICATED");
        api.problem(api.call(SAMPLE, "GET", "/instances/" + instance.id(), null, null, null, Map.of()), 401,
                "UNAUTHENTICATED");
        api.problem(api.call(SAMPLE, "GET", "/instances", null, "", "[user]", Map.of()), 401, "UNAUTHENTICATED");
    }

    @Test
    void anUnexpectedFailureIs500ProblemJsonWithoutItsInternals() {
        String account = Ids.next("acct");
        String id = Ids.next("i");
        // an item the code cannot read (a billing state that does not exist)
        fixtures.dynamo.putItem(PutItemRequest.builder().tableName(fixtures.tables.instances()).item(Map.of(
                "instanceId", AttributeValue.fromS(id), "accountId", AttributeValue.fromS(account),
                "createdKey", AttributeValue.fromS("2026-01-15T02:00:00Z#" + id),
                "billingMethod", AttributeValue.fromS("MONTHLY_PACKAGE"),
                "billingState", AttributeValue.fromS("NO_SUCH_STATE"),
                "powerState", AttributeValue.fromS("RUNNING"))).build());

        JsonNode problem = api.problem(get(account, "/instances/" + id), 500, "INTERNAL_ERROR");

        assertFalse(problem.toString().contains("NO_SUCH_STATE"), problem.toString());
        assertFalse(problem.toString().contains("Exception"), problem.toString());
    }

    @Test
    void theSampleEventAsSamWouldSendItIsAnswered() {
        // events/instances-list.json unchanged: caller acct-demo
        JsonNode body = api.ok(function.invoke(ApiGatewayEvents.sample(SAMPLE)), 200);
        assertNotNull(body.get("items"));
        for (JsonNode item : body.get("items").values()) {
            assertEquals("acct-demo", item.get("accountId").getStringValue());
        }
    }
}
