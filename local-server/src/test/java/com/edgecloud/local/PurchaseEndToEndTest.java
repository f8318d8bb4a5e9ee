package com.edgecloud.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's story over HTTP against the local server, as a console would drive it: an
 * operator sets up account and catalog, the customer buys, reads, and retries.
 */
class PurchaseEndToEndTest {

    private static LocalServer server;
    private static LocalApi api;
    private static String admin;

    @BeforeAll
    static void start() {
        server = LocalServer.start(Map.of("micronaut.server.port", -1));
        api = new LocalApi(server, PurchaseEndToEndTest.class);
        admin = api.token("ops-1", "\"admin\"");
    }

    @AfterAll
    static void stop() {
        server.close();
        api.assertContractKept();
    }

    @AfterEach
    void systemClock() throws Exception {
        send("DELETE", "/_local/clock", null, null, null);
    }

    @Test
    void monthlyPackageBoughtAtTheSpecExampleExpiresAtEndOfNextMonthsDay_P3() throws Exception {
        String user = customerWithCoupon("acct-p3", "5000.00");
        catalog("node-p3", "spec-p3", 5);
        send("PUT", "/_local/clock", "{\"now\":\"2016-01-01T15:00:00+08:00\"}", null, null);

        HttpResponse<String> bought = buy(user, "node-p3", "spec-p3", 1, "{\"unit\":\"MONTH\",\"count\":1}", "k-1");

        assertEquals(201, bought.statusCode(), bought.body());
        JsonNode instance = json(bought).get("instances").get(0);
        assertEquals("2016-01-01T15:00:00+08:00", instance.get("termStartsAt").getStringValue());
        assertEquals("2016-02-01T23:59:59+08:00", instance.get("expiresAt").getStringValue());
        assertEquals("1000.00", json(bought).get("order").get("amount").getStringValue());
        JsonNode account = json(send("GET", "/account", null, user, null));
        assertEquals("4000.00", account.get("availableBalance").getStringValue());
        assertEquals("4000.00", account.get("couponBalance").getStringValue());
        JsonNode ledger = json(send("GET", "/account/ledger", null, user, null)).get("items");
        assertEquals("ORDER_CHARGE", ledger.get(0).get("type").getStringValue());
        assertEquals("-1000.00", ledger.get(0).get("coupon").getStringValue());
    }

    @Test
    void boughtRenewedStoppedAndItsTermsAndHistoryListed_R2_E2() throws Exception {
        String user = customerWithCoupon("acct-r2", "5000.00");
        catalog("node-r2", "spec-r2", 5);
        send("PUT", "/_local/clock", "{\"now\":\"2015-12-01T15:00:00+08:00\"}", null, null);
        String id = json(buy(user, "node-r2", "spec-r2", 1, "{\"unit\":\"MONTH\",\"count\":1}", "k-r2"))
                .get("instances").get(0).get("id").getStringValue();
        send("PUT", "/_local/clock", "{\"now\":\"2015-12-20T10:00:00+08:00\"}", null, null);

        HttpResponse<String> renewed = send("POST", "/instances/" + id + "/renewals",
                "{\"duration\":{\"unit\":\"MONTH\",\"count\":1},\"paymentMethod\":\"BALANCE\"}", user, "r-1");
        HttpResponse<String> stopped = send("POST", "/instances/" + id + "/stop", null, user, "k-stop-" + id);

        assertEquals(200, renewed.statusCode(), renewed.body());
        assertEquals("2016-01-02T00:00:00+08:00", json(renewed).get("termStartsAt").getStringValue());
        assertEquals("2016-02-02T23:59:59+08:00", json(renewed).get("expiresAt").getStringValue());
        assertEquals("1000.00", json(renewed).get("charged").getStringValue());
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals("STOPPED", json(stopped).get("powerState").getStringValue());
        JsonNode terms = json(send("GET", "/instances/" + id + "/terms", null, user, null)).get("items");
        assertEquals(2, terms.size());
        assertEquals("2015-12-01T15:00:00+08:00", terms.get(0).get("termStartsAt").getStringValue());
        assertEquals("2016-01-02T00:00:00+08:00", terms.get(1).get("termStartsAt").getStringValue());
        JsonNode history = json(send("GET", "/instances/" + id + "/operations", null, user, null)).get("items");
        assertEquals("STOP", history.get(0).get("operation").getStringValue());
        assertEquals("RENEW", history.get(1).get("operation").getStringValue());
        assertEquals("3000.00", json(send("GET", "/account", null, user, null)).get("availableBalance").getStringValue());
    }

    @Test
    void aKeyIsKeptBySystemTimeNotTheBusinessClock_S9() throws Exception {
        String user = customerWithCoupon("acct-key-clock", "5000.00");
        catalog("node-kc", "spec-kc", 5);
        send("PUT", "/_local/clock", "{\"now\":\"2016-01-01T15:00:00+08:00\"}", null, null);
        HttpResponse<String> first = buy(user, "node-kc", "spec-kc", 1, "{\"unit\":\"MONTH\",\"count\":1}", "k-clock");
        assertEquals(201, first.statusCode(), first.body());

        send("DELETE", "/_local/clock", null, null, null); // business time jumps ten years ahead
        HttpResponse<String> again = buy(user, "node-kc", "spec-kc", 1, "{\"unit\":\"MONTH\",\"count\":1}", "k-clock");

        assertEquals(201, again.statusCode(), again.body());
        assertEquals(first.body(), again.body(), "the key's 24 h run on system time: the first answer, replayed");
        assertEquals("4000.00", json(send("GET", "/account", null, user, null)).get("availableBalance").getStringValue(),
                "charged once");
    }

    @Test
    void callsThatMoveMoneyChangeAnInstanceOrGrantAreRefusedWithoutAKeyAndChangeNothing_S9() throws Exception {
        String user = customerWithCoupon("acct-no-key", "5000.00");
        catalog("node-nk", "spec-nk", 5);
        String id = json(buy(user, "node-nk", "spec-nk", 1, "{\"unit\":\"MONTH\",\"count\":1}", "k-nk"))
                .get("instances").get(0).get("id").getStringValue();
        String account = json(send("GET", "/account", null, user, null)).toString();
        String instance = json(send("GET", "/instances/" + id, null, user, null)).toString();
        String ledger = json(send("GET", "/account/ledger", null, user, null)).toString();

        for (String[] call : new String[][] {
                {"POST", "/instances", "{\"nodeId\":\"node-nk\",\"specId\":\"spec-nk\",\"quantity\":1,"
                        + "\"billingMethod\":\"MONTHLY_PACKAGE\",\"duration\":{\"unit\":\"MONTH\",\"count\":1},"
                        + "\"paymentMethod\":\"BALANCE\"}", user},
                {"POST", "/instances/" + id + "/renewals", "{\"duration\":{\"unit\":\"MONTH\",\"count\":1},"
                        + "\"paymentMethod\":\"BALANCE\"}", user},
                {"POST", "/instances/" + id + "/stop", null, user},
                {"POST", "/instances/" + id + "/start", null, user},
                {"POST", "/instances/" + id + "/reinstall", null, user},
                {"DELETE", "/instances/" + id, null, user},
                {"POST", "/account/recharges", "{\"amount\":\"100.00\"}", user},
                {"POST", "/admin/accounts/acct-no-key/coupons",
                        "{\"amount\":\"10.00\",\"expiresAt\":\"2099-01-01T00:00:00+08:00\"}", admin}}) {
            HttpResponse<String> refused = api.sendBroken(call[0], call[1], call[2], LocalApi.headers(call[3], null));

            assertEquals(400, refused.statusCode(), call[0] + " " + call[1] + ": " + refused.body());
            assertEquals("VALIDATION_FAILED", json(refused).get("code").getStringValue());
            assertEquals("Idempotency-Key", json(refused).get("errors").get(0).get("field").getStringValue(), refused.body());
        }

        assertEquals(account, json(send("GET", "/account", null, user, null)).toString(), "nothing charged or granted");
        assertEquals(instance, json(send("GET", "/instances/" + id, null, user, null)).toString(), "nothing changed");
        assertEquals(ledger, json(send("GET", "/account/ledger", null, user, null)).toString());
        assertEquals(4, stock("node-nk", "spec-nk"), "nothing more sold");
        assertEquals(0, json(send("GET", "/instances/" + id + "/operations", null, user, null)).get("items").size(),
                "no power operation or renewal recorded");
    }

    @Test
    void payByConfigurationLaunchesWithFiftyAvailableAndChargesNothing_G1() throws Exception {
        String user = customerWithCoupon("acct-g1", "50.00");
        catalog("node-g1", "spec-g1", 5);

        HttpResponse<String> bought = send("POST", "/instances", "{\"nodeId\":\"node-g1\",\"specId\":\"spec-g1\","
                + "\"quantity\":1,\"billingMethod\":\"PAY_BY_CONFIGURATION\"}", user, "k-g1");

        assertEquals(201, bought.statusCode(), bought.body());
        assertEquals("0.00", json(bought).get("order").get("amount").getStringValue());
        assertTrue(json(bought).get("instances").get(0).get("expiresAt").isNull());
        assertEquals("50.00", json(send("GET", "/account", null, user, null)).get("availableBalance").getStringValue());
    }

    @Test
    void anotherAccountsInstanceIsNotFound() throws Exception {
        String owner = customerWithCoupon("acct-owner", "10000.00");
        String other = customerWithCoupon("acct-other", "0.01");
        catalog("node-x", "spec-x", 5);
        String id = json(buy(owner, "node-x", "spec-x", 1, "{\"unit\":\"YEAR\",\"count\":1}", "k-x"))
                .get("instances").get(0).get("id").getStringValue();

        assertEquals(200, send("GET", "/instances/" + id, null, owner, null).statusCode());
        HttpResponse<String> foreign = send("GET", "/instances/" + id, null, other, null);
        assertEquals(404, foreign.statusCode());
        assertEquals("application/problem+json", foreign.headers().firstValue("content-type").orElse(""));
        assertEquals("NOT_FOUND", json(foreign).get("code").getStringValue());
        assertEquals(0, json(send("GET", "/instances", null, other, null)).get("items").size());
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSameAndChargesOnce() throws Exception {
        String user = customerWithCoupon("acct-retry", "5000.00");
        catalog("node-r", "spec-r", 5);

        HttpResponse<String> first = buy(user, "node-r", "spec-r", 2, "{\"unit\":\"MONTH\",\"count\":1}", "same");
        HttpResponse<String> again = buy(user, "node-r", "spec-r", 2, "{\"unit\":\"MONTH\",\"count\":1}", "same");
        HttpResponse<String> other = buy(user, "node-r", "spec-r", 1, "{\"unit\":\"MONTH\",\"count\":1}", "same");

        assertEquals(201, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals(422, other.statusCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", json(other).get("code").getStringValue());
        assertEquals("3000.00", json(send("GET", "/account", null, user, null)).get("availableBalance").getStringValue());
        assertEquals(3, stock("node-r", "spec-r"));
    }

    @Test
    void twentyConcurrentBuyersOfFiveServersGetExactlyFive_C2() throws Exception {
        catalog("node-rush", "spec-rush", 5);
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            buyers.add(customerWithCoupon("acct-rush-" + i, "1000.00"));
        }
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String buyer : buyers) {
                answers.add(pool.submit(() -> {
                    gate.await();
                    return buy(buyer, "node-rush", "spec-rush", 1, "{\"unit\":\"MONTH\",\"count\":1}", UUID.randomUUID().toString());
                }));
            }
            gate.countDown();
            int sold = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 201) {
                    sold++;
                } else {
                    assertEquals(409, response.statusCode(), response.body());
                    assertEquals("OUT_OF_STOCK", json(response).get("code").getStringValue());
                    refused++;
                }
            }
            assertEquals(5, sold);
            assertEquals(15, refused);
            assertEquals(0, stock("node-rush", "spec-rush"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static String customerWithCoupon(String accountId, String amount) throws Exception {
        send("PUT", "/admin/accounts/" + accountId, "{\"activated\":true,\"verification\":\"ENTERPRISE\"}", admin, null);
        HttpResponse<String> granted = send("POST", "/admin/accounts/" + accountId + "/coupons",
                "{\"amount\":\"" + amount + "\",\"expiresAt\":\"2099-01-01T00:00:00+08:00\"}", admin,
                UUID.randomUUID().toString());
        assertEquals(201, granted.statusCode(), granted.body());
        return api.token(accountId, "");
    }

    private static void catalog(String nodeId, String specId, int stock) throws Exception {
        assertEquals(200, send("PUT", "/admin/catalog/nodes/" + nodeId, CatalogBodies.node(nodeId), admin, null).statusCode());
        assertEquals(200, send("PUT", "/admin/catalog/nodes/" + nodeId + "/specs/" + specId, CatalogBodies.spec(stock),
                admin, null).statusCode());
    }

    private static int stock(String nodeId, String specId) throws Exception {
        JsonNode specs = json(send("GET", "/catalog/nodes/" + nodeId + "/specs", null, null, null)).get("items");
        return specs.get(0).get("stock").getIntValue();
    }

    private static HttpResponse<String> buy(String token, String nodeId, String specId, int quantity, String duration,
                                            String key) throws Exception {
        return send("POST", "/instances", "{\"nodeId\":\"" + nodeId + "\",\"specId\":\"" + specId + "\",\"quantity\":"
                + quantity + ",\"billingMethod\":\"MONTHLY_PACKAGE\",\"duration\":" + duration
                + ",\"paymentMethod\":\"BALANCE\"}", token, key);
    }

    private static HttpResponse<String> send(String method, String path, String body, String token, String key) {
        return api.send(method, path, body, token, key);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return api.json(response);
    }
}
