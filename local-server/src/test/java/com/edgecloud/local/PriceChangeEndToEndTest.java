package com.edgecloud.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's story on the local server, through the real entry points: a server runs 10 h at 2.00,
 * an operator PUTs the spec at 20.00, then cuts it to 1.00. G2: each second at the price in effect.
 */
class PriceChangeEndToEndTest {

    private static LocalServer server;
    private static LocalApi api;
    private static String admin;

    @BeforeAll
    static void start() {
        server = LocalServer.start(Map.of("micronaut.server.port", -1));
        api = new LocalApi(server, PriceChangeEndToEndTest.class);
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
    void aRiseBillsTheNextHourAtTheNewPriceAndACutNeverGivesANegativeBill_G2() throws Exception {
        clock("2017-03-01T08:00:00+08:00");
        String user = customerWithCoupon("acct-g2-story", "1000.00");
        putSpec("node-g2-story", "spec-g2-story", "2.00");
        HttpResponse<String> launched = send("POST", "/instances", "{\"nodeId\":\"node-g2-story\","
                + "\"specId\":\"spec-g2-story\",\"quantity\":1,\"billingMethod\":\"PAY_BY_CONFIGURATION\"}", user, "k-g2");
        assertEquals(201, launched.statusCode(), launched.body());
        String id = json(launched).get("instances").get(0).get("id").getStringValue();

        clock("2017-03-01T18:00:00+08:00");
        bill("2017-03-01T10:00:00Z"); // ten hours at 2.00
        assertEquals("20.00", sum(bills(user, id)));

        putSpec("node-g2-story", "spec-g2-story", "20.00");
        clock("2017-03-01T19:00:00+08:00");
        bill("2017-03-01T11:00:00Z");
        List<String> afterRise = bills(user, id);
        assertEquals(11, afterRise.size());
        assertEquals("20.00", afterRise.get(10), "the hour after the rise, not 200.00");
        assertEquals("20.00", json(send("GET", "/catalog/nodes/node-g2-story/specs/spec-g2-story/quote"
                + "?billingMethod=PAY_BY_CONFIGURATION&quantity=1", null, null, null)).get("hourly").getStringValue());

        putSpec("node-g2-story", "spec-g2-story", "1.00");
        clock("2017-03-01T20:00:00+08:00");
        bill("2017-03-01T12:00:00Z");
        List<String> afterCut = bills(user, id);
        assertEquals("1.00", afterCut.get(11), "the hour after the cut, not -9.00");
        afterCut.forEach(amount -> assertFalse(amount.startsWith("-"), amount));

        JsonNode account = json(send("GET", "/account", null, user, null));
        assertEquals("959.00", account.get("availableBalance").getStringValue(), "1000 - 20 - 20 - 1");
        assertEquals("1.00", account.get("payByConfigurationHourly").getStringValue());
        List<String> usage = new ArrayList<>();
        for (JsonNode entry : json(send("GET", "/account/ledger?limit=100", null, user, null)).get("items").values()) {
            if ("USAGE_BILL".equals(entry.get("type").getStringValue())) {
                usage.add(entry.get("coupon").getStringValue().substring(1));
            }
        }
        Collections.reverse(usage); // the ledger lists newest first
        assertEquals(afterCut, usage, "A4: one ledger entry per bill, equal to it");
    }

    private static void bill(String time) throws Exception {
        HttpResponse<String> run = send("POST", "/_local/invoke/UsageBillingFunction", "{\"version\":\"0\","
                + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"time\":\"" + time
                + "\",\"detail\":{}}", null, null);
        assertEquals(200, run.statusCode(), run.body());
        assertEquals("OK", json(run).get("status").getStringValue(), run.body());
    }

    private static List<String> bills(String user, String id) throws Exception {
        List<String> amounts = new ArrayList<>();
        for (JsonNode bill : json(send("GET", "/instances/" + id + "/bills?limit=100", null, user, null))
                .get("items").values()) {
            amounts.add(bill.get("amount").getStringValue());
        }
        return amounts;
    }

    private static String sum(List<String> amounts) {
        return amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
    }

    private static void clock(String now) throws Exception {
        assertEquals(200, send("PUT", "/_local/clock", "{\"now\":\"" + now + "\"}", null, null).statusCode());
    }

    private static String customerWithCoupon(String accountId, String amount) throws Exception {
        send("PUT", "/admin/accounts/" + accountId, "{\"activated\":true,\"verification\":\"ENTERPRISE\"}", admin, null);
        HttpResponse<String> granted = send("POST", "/admin/accounts/" + accountId + "/coupons",
                "{\"amount\":\"" + amount + "\",\"expiresAt\":\"2099-01-01T00:00:00+08:00\"}", admin, "grant-" + accountId);
        assertEquals(201, granted.statusCode(), granted.body());
        return api.token(accountId, "");
    }

    private static void putSpec(String nodeId, String specId, String hourlyPrice) throws Exception {
        assertEquals(200, send("PUT", "/admin/catalog/nodes/" + nodeId, CatalogBodies.node(nodeId), admin, null)
                .statusCode());
        String body = CatalogBodies.spec(5).replace("\"hourlyPrice\":\"2.00\"", "\"hourlyPrice\":\"" + hourlyPrice + "\"");
        HttpResponse<String> put = send("PUT", "/admin/catalog/nodes/" + nodeId + "/specs/" + specId, body, admin, null);
        assertEquals(200, put.statusCode(), put.body());
    }

    private static HttpResponse<String> send(String method, String path, String body, String token, String key) {
        return api.send(method, path, body, token, key);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return api.json(response);
    }
}
