package com.edgecloud.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.http.ApiGatewayEvents;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AdminFunction through its real Lambda handler: operator endpoints, admin role only. */
class AdminHandlerIntegrationTest {

    static final String SAMPLE = "admin-put-account.json";
    static final String ADMIN = "ops-1";
    static final String HUNDRED_KB = "x".repeat(100 * 1024);
    static final String FAR_AHEAD = "2099-01-01T00:00:00+08:00";
    static final Fixtures fixtures = new Fixtures();
    static FunctionHarness function;
    static HandlerApi api;

    @BeforeAll
    static void start() {
        function = new FunctionHarness(AdminHandler::new);
        api = new HandlerApi(function);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    static APIGatewayV2HTTPResponse call(String method, String path, String body, String sub, String roles,
                                         Map<String, String> headers) {
        return api.call(SAMPLE, method, path, body, sub, roles, headers);
    }

    static APIGatewayV2HTTPResponse asAdmin(String method, String path, String body) {
        return call(method, path, body, ADMIN, "[admin]", Map.of());
    }

    /** An operator's coupon grant with a key of its own, as every grant needs (SPEC §9). */
    static APIGatewayV2HTTPResponse grant(String accountId, String body) {
        return call("POST", "/admin/accounts/" + accountId + "/coupons", body, ADMIN, "[admin]",
                Map.of("idempotency-key", UUID.randomUUID().toString()));
    }

    static String accountBody(String activated, String verification, String contact) {
        return "{\"activated\":" + activated + ",\"verification\":" + verification
                + (contact == null ? "" : ",\"contact\":" + contact) + "}";
    }

    static String couponBody(String amount, String expiresAt) {
        return "{\"amount\":" + amount + ",\"expiresAt\":" + expiresAt + "}";
    }

    static Optional<Account> stored(String accountId) {
        return fixtures.accounts.find(accountId);
    }

    static List<LedgerEntry> ledger(String accountId) {
        return fixtures.wallets.ledger(accountId, 100, null).items();
    }

    @Nested
    class Accounts {

        @Test
        void createsThenUpdatesAnAccount_A1() {
            String id = Ids.next("acct");

            JsonNode created = api.ok(asAdmin("PUT", "/admin/accounts/" + id, accountBody("true", "\"PERSONAL\"",
                    "{\"name\":\"Li Lei\",\"phone\":\"+8613800000001\",\"email\":\"li@example.com\"}")), 200);

            assertEquals(id, created.get("accountId").getStringValue());
            assertTrue(created.get("activated").getBooleanValue());
            assertEquals("PERSONAL", created.get("verification").getStringValue());
            assertEquals("0.00", created.get("cashBalance").getStringValue());
            assertEquals("0.00", created.get("availableBalance").getStringValue());
            assertEquals("li@example.com", created.get("contact").get("email").getStringValue());
            Account account = stored(id).orElseThrow();
            assertTrue(account.activated());
            assertEquals(Verification.PERSONAL, account.verification());
            assertEquals(new Contact("Li Lei", "+8613800000001", "li@example.com"), account.contact());

            fixtures.recharge(id, "80.00");
            JsonNode updated = api.ok(asAdmin("PUT", "/admin/accounts/" + id,
                    accountBody("false", "\"ENTERPRISE\"", null)), 200);

            assertFalse(updated.get("activated").getBooleanValue());
            assertEquals("ENTERPRISE", updated.get("verification").getStringValue());
            assertEquals("80.00", updated.get("cashBalance").getStringValue(), "the wallet is never touched here");
            Account after = stored(id).orElseThrow();
            assertFalse(after.activated());
            assertEquals(Verification.ENTERPRISE, after.verification());
            assertEquals("80.00", after.wallet().cash().toString());
            assertEquals(1, ledger(id).size());
        }

        @ParameterizedTest
        @ValueSource(strings = {"NONE", "PERSONAL", "ENTERPRISE"})
        void everyVerificationIsAccepted(String verification) {
            String id = Ids.next("acct");
            JsonNode body = api.ok(asAdmin("PUT", "/admin/accounts/" + id,
                    accountBody("true", "\"" + verification + "\"", null)), 200);
            assertEquals(verification, body.get("verification").getStringValue());
            assertEquals(Verification.valueOf(verification), stored(id).orElseThrow().verification());
        }

        @Test
        void theSampleEventAsSamWouldSendItIsAnswered() {
            JsonNode body = api.ok(function.invoke(ApiGatewayEvents.sample(SAMPLE)), 200);
            assertEquals("acct-demo", body.get("accountId").getStringValue());
            assertEquals(Verification.PERSONAL, stored("acct-demo").orElseThrow().verification());
        }

        @Test
        void aCallerWithoutTheAdminRoleIsForbidden_andNothingIsWritten() {
            String id = Ids.next("acct");
            String body = accountBody("true", "\"PERSONAL\"", null);
            for (String roles : List.of("[user]", "[]", "[administrator]", "[admins]", "[user,notadmin]")) {
                api.problem(call("PUT", "/admin/accounts/" + id, body, id, roles, Map.of()), 403, "FORBIDDEN");
            }
            assertTrue(stored(id).isEmpty());
        }

        @Test
        void anAdminAmongOtherRolesIsAnAdmin() {
            String id = Ids.next("acct");
            api.ok(call("PUT", "/admin/accounts/" + id, accountBody("true", "\"PERSONAL\"", null), ADMIN,
                    "[user admin]", Map.of()), 200);
            assertTrue(stored(id).isPresent());
        }

        @Test
        void noClaimsIsUnauthenticated_andNothingIsWritten() {
            String id = Ids.next("acct");
            api.problem(call("PUT", "/admin/accounts/" + id, accountBody("true", "\"PERSONAL\"", null), null, null,
                    Map.of()), 401, "UNAUTHENTICATED");
            assertTrue(stored(id).isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"activated\":\"yes\",\"verification\":\"PERSONAL\"}",
            "{\"activated\":1,\"verification\":\"PERSONAL\"}",
            "{\"verification\":\"PERSONAL\"}",
            "{\"activated\":true,\"verification\":\"GOLD\"}",
            "{\"activated\":true,\"verification\":\"personal\"}",
            "{\"activated\":true,\"verification\":null}",
            "{\"activated\":true}",
            "{\"activated\":true,\"verification\":\"PERSONAL\",\"contact\":\"Li Lei\"}",
            "{\"activated\":true,\"verification\":\"PERSONAL\",\"contact\":{\"email\":42}}",
            "{\"activated\":true,\"verification\":\"PERSONAL\",\"activatd\":true}",
            "[]",
            "\"PERSONAL\"",
            "not json",
            ""
        })
        void anInvalidAccountIsRefused_andNothingIsWritten(String body) {
            String id = Ids.next("acct");
            api.problem(asAdmin("PUT", "/admin/accounts/" + id, body), 400, "VALIDATION_FAILED");
            assertTrue(stored(id).isEmpty(), "nothing written for " + body);
        }

        @Test
        void anInvalidUpdateLeavesTheAccountAsItWas() {
            String id = fixtures.verifiedAccount();
            Account before = stored(id).orElseThrow();
            api.problem(asAdmin("PUT", "/admin/accounts/" + id, accountBody("\"yes\"", "\"NONE\"", null)), 400,
                    "VALIDATION_FAILED");
            api.problem(asAdmin("PUT", "/admin/accounts/" + id, accountBody("false", "\"GOLD\"", null)), 400,
                    "VALIDATION_FAILED");
            assertEquals(before, stored(id).orElseThrow());
        }

        @Test
        void everyBadFieldIsNamedInOneAnswer() {
            JsonNode problem = api.problem(asAdmin("PUT", "/admin/accounts/" + Ids.next("acct"),
                    accountBody("\"yes\"", "\"GOLD\"", null)), 400, "VALIDATION_FAILED");
            List<String> fields = new ArrayList<>();
            problem.get("errors").values().forEach(e -> fields.add(e.get("field").getStringValue()));
            assertEquals(List.of("activated", "verification"), fields);
        }

        @Test
        void hundredKilobyteStringsAreRefused_andNothingIsWritten() {
            String id = Ids.next("acct");
            for (String contact : List.of("{\"name\":\"" + HUNDRED_KB + "\"}", "{\"email\":\"" + HUNDRED_KB + "\"}",
                    "{\"phone\":\"" + HUNDRED_KB + "\"}")) {
                JsonNode problem = api.problem(asAdmin("PUT", "/admin/accounts/" + id,
                        accountBody("true", "\"PERSONAL\"", contact)), 400, "VALIDATION_FAILED");
                assertTrue(problem.toString().length() < 4000, "the answer does not echo the string");
            }
            api.problem(asAdmin("PUT", "/admin/accounts/" + id, accountBody("true", "\"" + HUNDRED_KB + "\"", null)),
                    400, "VALIDATION_FAILED");
            api.problem(asAdmin("PUT", "/admin/accounts/" + "a".repeat(100 * 1024),
                    accountBody("true", "\"PERSONAL\"", null)), 400, "VALIDATION_FAILED");
            assertTrue(stored(id).isEmpty());
        }

        @Test
        void anOddAccountIdInThePathIsRefused() {
            api.problem(asAdmin("PUT", "/admin/accounts/" + "a".repeat(65), accountBody("true", "\"NONE\"", null)), 400,
                    "VALIDATION_FAILED");
            api.problem(asAdmin("PUT", "/admin/accounts/-leading-dash", accountBody("true", "\"NONE\"", null)), 400,
                    "VALIDATION_FAILED");
            assertTrue(stored("-leading-dash").isEmpty());
        }
    }

    @Nested
    class Coupons {

        @Test
        void grantsACoupon_balanceGrowsAndTheLedgerRecordsIt_A2_A4() {
            String id = fixtures.verifiedAccount();
            fixtures.recharge(id, "10.00");

            JsonNode coupon = api.ok(grant(id, couponBody("\"150.00\"", "\"" + FAR_AHEAD + "\"")), 201);

            assertTrue(coupon.get("couponId").getStringValue().startsWith("cpn-"));
            assertEquals("150.00", coupon.get("amount").getStringValue());
            assertEquals("150.00", coupon.get("remaining").getStringValue());
            assertEquals(FAR_AHEAD, coupon.get("expiresAt").getStringValue());
            Account account = stored(id).orElseThrow();
            assertEquals("150.00", account.wallet().couponBalance(Instant.now()).toString());
            assertEquals("160.00", account.wallet().available(Instant.now()).toString());
            assertEquals("10.00", account.wallet().cash().toString());
            LedgerEntry grant = ledger(id).get(0);
            assertEquals(LedgerEntryType.COUPON_GRANT, grant.type());
            assertEquals("150.00", grant.coupon().toString());
            assertEquals("0.00", grant.cash().toString());
            assertEquals(coupon.get("couponId").getStringValue(), grant.couponId());
            assertEquals(2, ledger(id).size());
        }

        @Test
        void expiryTakenWithAnyOffsetIsShownInTheBillingZone_T1() {
            String id = fixtures.verifiedAccount();
            JsonNode coupon = api.ok(grant(id, couponBody("\"1\"", "\"2098-12-31T16:00:00Z\"")), 201);
            assertEquals("1.00", coupon.get("amount").getStringValue());
            assertEquals(FAR_AHEAD, coupon.get("expiresAt").getStringValue());
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"0\"", "\"0.00\"", "\"-1.00\"", "\"1.234\"", "12", "12.5", "\"abc\"", "\"\"",
            "null", "\"1,00\"", "\" 1.00\"", "\"99999999999999999999\"", "\"100000000.01\""})
        void anInvalidAmountIsRefused_andNothingIsWritten(String amount) {
            String id = fixtures.verifiedAccount();
            Account before = stored(id).orElseThrow();
            JsonNode problem = api.problem(grant(id, couponBody(amount, "\"" + FAR_AHEAD + "\"")), 400, "VALIDATION_FAILED");
            assertEquals("amount", problem.get("errors").get(0).get("field").getStringValue());
            assertEquals(before, stored(id).orElseThrow());
            assertTrue(ledger(id).isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"tomorrow\"", "\"2099-01-01\"", "\"2099-01-01T00:00:00\"", "null", "20990101",
            "\"2020-01-01T00:00:00+08:00\""})
        void anInvalidOrPastExpiryIsRefused_andNothingIsWritten(String expiresAt) {
            String id = fixtures.verifiedAccount();
            JsonNode problem = api.problem(grant(id, couponBody("\"10.00\"", expiresAt)), 400, "VALIDATION_FAILED");
            assertEquals("expiresAt", problem.get("errors").get(0).get("field").getStringValue());
            assertTrue(ledger(id).isEmpty());
            assertTrue(stored(id).orElseThrow().wallet().coupons().isEmpty());
        }

        @Test
        void aHundredKilobyteAmountIsRefusedWithoutEchoingIt() {
            String id = fixtures.verifiedAccount();
            JsonNode problem = api.problem(grant(id, couponBody("\"" + "9".repeat(100 * 1024) + "\"", "\"" + FAR_AHEAD + "\"")),
                    400, "VALIDATION_FAILED");
            assertTrue(problem.toString().length() < 4000);
            assertTrue(ledger(id).isEmpty());
        }

        @Test
        void anUnknownAccountIsNotFound_andNothingIsWritten() {
            String id = Ids.next("acct");
            api.problem(grant(id, couponBody("\"10.00\"", "\"" + FAR_AHEAD + "\"")), 404, "NOT_FOUND");
            api.problem(call("POST", "/admin/accounts/" + id + "/coupons", couponBody("\"10.00\"", "\"" + FAR_AHEAD + "\""),
                    ADMIN, "[admin]", Map.of("idempotency-key", UUID.randomUUID().toString())), 404, "NOT_FOUND");
            assertTrue(stored(id).isEmpty());
            assertTrue(ledger(id).isEmpty());
        }

        @Test
        void aRetryWithTheSameIdempotencyKeyGrantsOnce() {
            String id = fixtures.verifiedAccount();
            Map<String, String> key = Map.of("idempotency-key", UUID.randomUUID().toString());
            String body = couponBody("\"25.00\"", "\"" + FAR_AHEAD + "\"");

            APIGatewayV2HTTPResponse first = call("POST", "/admin/accounts/" + id + "/coupons", body, ADMIN, "[admin]", key);
            APIGatewayV2HTTPResponse retry = call("POST", "/admin/accounts/" + id + "/coupons", body, ADMIN, "[admin]", key);

            JsonNode granted = api.ok(first, 201);
            assertEquals(granted.toString(), api.ok(retry, 201).toString(), "the retry answers the first answer");
            assertEquals(1, stored(id).orElseThrow().wallet().coupons().size());
            assertEquals("25.00", stored(id).orElseThrow().wallet().couponBalance(Instant.now()).toString());
            assertEquals(1, ledger(id).size());

            // the same key for another request is refused and changes nothing
            api.problem(call("POST", "/admin/accounts/" + id + "/coupons", couponBody("\"26.00\"", "\"" + FAR_AHEAD + "\""),
                    ADMIN, "[admin]", key), 422, "IDEMPOTENCY_KEY_REUSED");
            assertEquals(1, ledger(id).size());

            // another key grants another coupon
            api.ok(call("POST", "/admin/accounts/" + id + "/coupons", body, ADMIN, "[admin]",
                    Map.of("idempotency-key", UUID.randomUUID().toString())), 201);
            assertEquals(2, ledger(id).size());
        }

        @Test
        void aGrantWithoutIdempotencyKeyIsRefusedAndGrantsNothing_S9() {
            String id = fixtures.verifiedAccount();
            Account before = stored(id).orElseThrow();

            JsonNode problem = api.problem(asAdmin("POST", "/admin/accounts/" + id + "/coupons",
                    couponBody("\"5.00\"", "\"" + FAR_AHEAD + "\"")), 400, "VALIDATION_FAILED");

            assertEquals("Idempotency-Key", problem.get("errors").get(0).get("field").getStringValue());
            assertEquals(before, stored(id).orElseThrow());
            assertTrue(ledger(id).isEmpty());
        }

        @Test
        void anInvalidIdempotencyKeyIsRefused() {
            String id = fixtures.verifiedAccount();
            api.problem(call("POST", "/admin/accounts/" + id + "/coupons", couponBody("\"5.00\"", "\"" + FAR_AHEAD + "\""),
                    ADMIN, "[admin]", Map.of("idempotency-key", "k".repeat(129))), 400, "VALIDATION_FAILED");
            assertTrue(ledger(id).isEmpty());
        }

        @Test
        void aNonAdminCannotGrant_andNoClaimsIsUnauthenticated() {
            String id = fixtures.verifiedAccount();
            String body = couponBody("\"5.00\"", "\"" + FAR_AHEAD + "\"");
            api.problem(call("POST", "/admin/accounts/" + id + "/coupons", body, id, "[user]",
                    Map.of("idempotency-key", UUID.randomUUID().toString())), 403, "FORBIDDEN");
            api.problem(call("POST", "/admin/accounts/" + id + "/coupons", body, null, null,
                    Map.of("idempotency-key", UUID.randomUUID().toString())), 401,
                    "UNAUTHENTICATED");
            assertTrue(ledger(id).isEmpty());
        }
    }

    @Nested
    class Catalog {

        static final String HARDWARE = "\"cpu\":{\"model\":\"Intel Xeon Gold 6330\",\"cores\":28},\"memoryGiB\":256,"
                + "\"disks\":[{\"type\":\"NVME\",\"sizeGiB\":1920,\"count\":2}],\"bandwidthMbps\":1000";

        static String specBody(String monthly, String yearly, String hourly, String stock) {
            return "{\"name\":\"Standard\"," + HARDWARE + ",\"monthlyPrice\":" + monthly
                    + ",\"yearlyPrice\":" + yearly + ",\"hourlyPrice\":" + hourly + ",\"stock\":" + stock + "}";
        }

        static String nodeBody(String name, String status) {
            return "{" + (name == null ? "" : "\"name\":\"" + name + "\",") + "\"region\":\"East China\","
                    + "\"city\":\"Hangzhou\",\"latitude\":30.2741,\"longitude\":120.1551,\"status\":\"" + status + "\"}";
        }

        String newNode() {
            String nodeId = Ids.next("node");
            fixtures.catalog.saveNode(new Node(nodeId, "Test node", "East China", "Shanghai", 31.2304, 121.4737,
                    NodeStatus.OPEN));
            return nodeId;
        }

        @Test
        void putsANodeThenChangesItsStatus_C1() {
            String nodeId = Ids.next("node");

            JsonNode node = api.ok(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId,
                    nodeBody("Hangzhou 3", "UNDER_CONSTRUCTION")), 200);

            assertEquals(nodeId, node.get("nodeId").getStringValue());
            assertEquals("UNDER_CONSTRUCTION", node.get("status").getStringValue());
            assertEquals("Hangzhou", node.get("city").getStringValue());
            assertEquals(30.2741, node.get("latitude").getDoubleValue());
            assertEquals(120.1551, node.get("longitude").getDoubleValue());
            assertEquals(new Node(nodeId, "Hangzhou 3", "East China", "Hangzhou", 30.2741, 120.1551,
                            NodeStatus.UNDER_CONSTRUCTION), fixtures.catalog.node(nodeId).orElseThrow());
            assertTrue(fixtures.catalog.nodes().contains(fixtures.catalog.node(nodeId).orElseThrow()));

            api.ok(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId, nodeBody("Hangzhou 3", "OPEN_FOR_SALE")), 200);
            assertEquals(NodeStatus.OPEN, fixtures.catalog.node(nodeId).orElseThrow().status());
        }

        @Test
        void aNodeWithoutANameIsNamedByItsId() {
            String nodeId = Ids.next("node");
            JsonNode node = api.ok(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId, nodeBody(null, "OPEN")), 200);
            assertEquals(nodeId, node.get("name").getStringValue());
            assertEquals(nodeId, fixtures.catalog.node(nodeId).orElseThrow().name());
        }

        static Stream<Arguments> nodesWithoutAPlace() {
            String valid = nodeBody("Hangzhou 3", "OPEN");
            return Stream.of(
                    Arguments.of(valid.replace("\"region\":\"East China\",", ""), List.of("region")),
                    Arguments.of(valid.replace("\"city\":\"Hangzhou\",", ""), List.of("city")),
                    Arguments.of(valid.replace("\"latitude\":30.2741,", ""), List.of("latitude")),
                    Arguments.of(valid.replace("\"longitude\":120.1551,", ""), List.of("longitude")),
                    Arguments.of(valid.replace("30.2741", "90.01"), List.of("latitude")),
                    Arguments.of(valid.replace("30.2741", "-91"), List.of("latitude")),
                    Arguments.of(valid.replace("120.1551", "180.5"), List.of("longitude")),
                    Arguments.of(valid.replace("120.1551", "-180.01"), List.of("longitude")),
                    Arguments.of(valid.replace("30.2741", "\"30.2741\""), List.of("latitude")),
                    Arguments.of("{\"status\":\"OPEN\"}", List.of("region", "city", "latitude", "longitude")));
        }

        @ParameterizedTest
        @MethodSource
        void nodesWithoutAPlace(String body, List<String> fields) {
            String nodeId = Ids.next("node");
            JsonNode problem = api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId, body), 400,
                    "VALIDATION_FAILED");
            assertEquals(fields, errorFields(problem));
            assertTrue(fixtures.catalog.node(nodeId).isEmpty());
        }

        static Stream<Arguments> specsWithoutTheirHardware() {
            String valid = specBody("\"1000.00\"", "\"10000.00\"", "\"2.00\"", "5");
            return Stream.of(
                    Arguments.of(valid.replace("\"cpu\":{\"model\":\"Intel Xeon Gold 6330\",\"cores\":28},", ""),
                            List.of("cpu")),
                    Arguments.of(valid.replace("\"model\":\"Intel Xeon Gold 6330\",", ""), List.of("cpu.model")),
                    Arguments.of(valid.replace("\"cores\":28", "\"cores\":0"), List.of("cpu.cores")),
                    Arguments.of(valid.replace("\"memoryGiB\":256,", ""), List.of("memoryGiB")),
                    Arguments.of(valid.replace("\"memoryGiB\":256", "\"memoryGiB\":\"256\""), List.of("memoryGiB")),
                    Arguments.of(valid.replace("[{\"type\":\"NVME\",\"sizeGiB\":1920,\"count\":2}]", "[]"),
                            List.of("disks")),
                    Arguments.of(valid.replace("\"NVME\"", "\"SATA\""), List.of("disks[0].type")),
                    Arguments.of(valid.replace("\"sizeGiB\":1920,", ""), List.of("disks[0].sizeGiB")),
                    Arguments.of(valid.replace("\"count\":2}]", "\"count\":2},{\"type\":\"HDD\",\"sizeGiB\":8000,"
                            + "\"count\":0}]"), List.of("disks[1].count")),
                    Arguments.of(valid.replace("\"count\":2}", "\"count\":2,\"rpm\":7200}"), List.of("disks[0].rpm")),
                    Arguments.of(valid.replace(",\"bandwidthMbps\":1000", ""), List.of("bandwidthMbps")),
                    Arguments.of("{\"monthlyPrice\":\"1.00\",\"yearlyPrice\":\"1.00\",\"hourlyPrice\":\"1.00\",\"stock\":1}",
                            List.of("cpu", "memoryGiB", "disks", "bandwidthMbps")),
                    Arguments.of(valid.replace("\"name\":\"Standard\",", "\"description\":\"2x16 cores\","),
                            List.of("description")));
        }

        @ParameterizedTest
        @MethodSource
        void specsWithoutTheirHardware(String body, List<String> fields) {
            String nodeId = newNode();
            JsonNode problem = api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId + "/specs/std-1", body), 400,
                    "VALIDATION_FAILED");
            assertEquals(fields, errorFields(problem));
            assertTrue(fixtures.catalog.spec(nodeId, "std-1").isEmpty());
        }

        static List<String> errorFields(JsonNode problem) {
            List<String> fields = new ArrayList<>();
            for (JsonNode error : problem.get("errors").values()) {
                fields.add(error.get("field").getStringValue());
            }
            return fields;
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"status\":\"CLOSED\"}", "{\"status\":\"open\"}", "{\"status\":1}",
            "{\"status\":\"OPEN\",\"name\":42}", "{\"status\":\"OPEN\",\"stauts\":\"OPEN\"}", "[]", ""})
        void anInvalidNodeIsRefused_andNothingIsWritten(String body) {
            String nodeId = Ids.next("node");
            api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId, body), 400, "VALIDATION_FAILED");
            assertTrue(fixtures.catalog.node(nodeId).isEmpty());
        }

        @Test
        void putsASpecWithPricesAndStock_thenUpdatesIt_C2_M1() {
            String nodeId = newNode();

            JsonNode spec = api.ok(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId + "/specs/std-1",
                    specBody("\"1000.5\"", "\"10000.00\"", "\"2\"", "5")), 200);

            assertEquals("1000.50", spec.get("monthlyPrice").getStringValue());
            assertEquals("10000.00", spec.get("yearlyPrice").getStringValue());
            assertEquals("2.00", spec.get("hourlyPrice").getStringValue());
            assertEquals(5, spec.get("stock").getIntValue());
            assertEquals("Intel Xeon Gold 6330", spec.get("cpu").get("model").getStringValue());
            assertEquals(2, spec.get("disks").get(0).get("count").getIntValue());
            assertEquals(new Spec(nodeId, "std-1", "Standard", Fixtures.HARDWARE, Money.parse("1000.50"),
                    Money.parse("10000.00"), Money.parse("2.00"), 5), fixtures.catalog.spec(nodeId, "std-1").orElseThrow());

            api.ok(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId + "/specs/std-1",
                    specBody("\"900.00\"", "\"9000.00\"", "\"0.00\"", "0")), 200);
            Spec updated = fixtures.catalog.spec(nodeId, "std-1").orElseThrow();
            assertEquals(0, updated.stock());
            assertEquals("900.00", updated.monthlyPrice().toString());
            assertEquals("0.00", updated.hourlyPrice().toString());
            assertEquals(1, fixtures.catalog.specs(nodeId).size());
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "\"1000.00\"|\"10000.00\"|\"2.00\"|-1",
            "\"1000.00\"|\"10000.00\"|\"2.00\"|1.5",
            "\"1000.00\"|\"10000.00\"|\"2.00\"|\"5\"",
            "\"1000.00\"|\"10000.00\"|\"2.00\"|null",
            "\"1000.00\"|\"10000.00\"|\"2.00\"|1000001",
            "\"1000.00\"|\"10000.00\"|\"2.00\"|99999999999999999999",
            "1000|\"10000.00\"|\"2.00\"|5",
            "\"-1.00\"|\"10000.00\"|\"2.00\"|5",
            "\"1000.00\"|\"1.234\"|\"2.00\"|5",
            "\"1000.00\"|\"10000.00\"|null|5",
            "\"1000.00\"|\"10000.00\"|\"\"|5"
        })
        void anInvalidSpecIsRefused_andNothingIsWritten(String values) {
            String nodeId = newNode();
            String[] v = values.split("\\|");
            api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId + "/specs/std-1", specBody(v[0], v[1], v[2], v[3])),
                    400, "VALIDATION_FAILED");
            assertTrue(fixtures.catalog.spec(nodeId, "std-1").isEmpty());
        }

        @Test
        void anInvalidUpdateLeavesTheSpecAsItWas() {
            String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 9);
            Spec before = fixtures.catalog.spec(spec[0], spec[1]).orElseThrow();
            api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + spec[0] + "/specs/" + spec[1],
                    specBody("\"1.00\"", "\"1.00\"", "\"1.00\"", "-3")), 400, "VALIDATION_FAILED");
            assertEquals(before, fixtures.catalog.spec(spec[0], spec[1]).orElseThrow());
        }

        @Test
        void aSpecOfAnUnknownNodeIsNotFound_andNothingIsWritten() {
            String nodeId = Ids.next("node");
            api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId + "/specs/std-1",
                    specBody("\"1000.00\"", "\"10000.00\"", "\"2.00\"", "5")), 404, "NOT_FOUND");
            assertTrue(fixtures.catalog.spec(nodeId, "std-1").isEmpty());
            assertTrue(fixtures.catalog.specs(nodeId).isEmpty());
        }

        @Test
        void hundredKilobyteStringsAreRefused_andNothingIsWritten() {
            String nodeId = Ids.next("node");
            api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId,
                    nodeBody(HUNDRED_KB, "OPEN")), 400, "VALIDATION_FAILED");
            api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId,
                    nodeBody("n", "OPEN").replace("East China", HUNDRED_KB)), 400, "VALIDATION_FAILED");
            api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + nodeId, "{\"status\":\"" + HUNDRED_KB + "\"}"), 400,
                    "VALIDATION_FAILED");
            assertTrue(fixtures.catalog.node(nodeId).isEmpty());

            String existing = newNode();
            Map<String, String> bodies = new HashMap<>();
            bodies.put("name", specBody("\"1.00\"", "\"1.00\"", "\"1.00\"", "1").replace("Standard", HUNDRED_KB));
            bodies.put("cpu.model", specBody("\"1.00\"", "\"1.00\"", "\"1.00\"", "1")
                    .replace("Intel Xeon Gold 6330", HUNDRED_KB));
            bodies.put("monthlyPrice", specBody("\"" + "1".repeat(100 * 1024) + "\"", "\"1.00\"", "\"1.00\"", "1"));
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                JsonNode problem = api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + existing + "/specs/std-1",
                        body.getValue()), 400, "VALIDATION_FAILED");
                assertEquals(body.getKey(), problem.get("errors").get(0).get("field").getStringValue());
                assertTrue(problem.toString().length() < 4000, "the answer does not echo the string");
            }
            api.problem(asAdmin("PUT", "/admin/catalog/nodes/" + existing + "/specs/" + "s".repeat(100 * 1024),
                    specBody("\"1.00\"", "\"1.00\"", "\"1.00\"", "1")), 400, "VALIDATION_FAILED");
            assertTrue(fixtures.catalog.specs(existing).isEmpty());
        }

        @Test
        void aNonAdminCannotChangeTheCatalog_andNoClaimsIsUnauthenticated() {
            String nodeId = Ids.next("node");
            String existing = newNode();
            String spec = specBody("\"1.00\"", "\"1.00\"", "\"1.00\"", "1");
            api.problem(call("PUT", "/admin/catalog/nodes/" + nodeId, "{\"status\":\"OPEN\"}", "acct-x", "[user]",
                    Map.of()), 403, "FORBIDDEN");
            api.problem(call("PUT", "/admin/catalog/nodes/" + existing + "/specs/std-1", spec, "acct-x", "[user]",
                    Map.of()), 403, "FORBIDDEN");
            api.problem(call("PUT", "/admin/catalog/nodes/" + nodeId, "{\"status\":\"OPEN\"}", null, null, Map.of()),
                    401, "UNAUTHENTICATED");
            api.problem(call("PUT", "/admin/catalog/nodes/" + existing + "/specs/std-1", spec, null, null, Map.of()),
                    401, "UNAUTHENTICATED");
            assertTrue(fixtures.catalog.node(nodeId).isEmpty());
            assertTrue(fixtures.catalog.specs(existing).isEmpty());
            assertNull(fixtures.catalog.spec(existing, "std-1").orElse(null));
        }
    }

    @Test
    void anUnknownAdminRouteIsProblemJsonNotFound() {
        api.problem(asAdmin("GET", "/admin/nowhere", null), 404, "NOT_FOUND");
        assertNotNull(function);
    }
}
