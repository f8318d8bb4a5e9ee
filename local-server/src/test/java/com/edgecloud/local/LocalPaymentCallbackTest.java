package com.edgecloud.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.edgecloud.billing.payment.CallbackSignature;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A5 on the local server: the callback needs no token, only the signature with the local secret. */
class LocalPaymentCallbackTest {

    private static LocalServer server;
    private static LocalApi api;

    @BeforeAll
    static void start() {
        server = LocalServer.start(Map.of("micronaut.server.port", -1));
        api = new LocalApi(server, LocalPaymentCallbackTest.class);
    }

    @AfterAll
    static void stop() {
        server.close();
        api.assertContractKept();
    }

    @Test
    void aRechargeIsCreditedByASignedCallbackWithoutAToken_A5() throws Exception {
        String user = "Bearer " + json(post("/_local/tokens", "{\"sub\":\"acct-pay-1\",\"roles\":[]}", null, Map.of()))
                .get("token").getStringValue();
        String admin = "Bearer " + json(post("/_local/tokens", "{\"sub\":\"ops\",\"roles\":[\"admin\"]}", null, Map.of()))
                .get("token").getStringValue();
        send("PUT", "/admin/accounts/acct-pay-1", "{\"activated\":true,\"verification\":\"PERSONAL\","
                + "\"contact\":{\"name\":\"Li Lei\",\"email\":\"li@example.com\"}}", admin, Map.of());
        HttpResponse<String> created = post("/account/recharges", "{\"amount\":\"100.00\"}", user,
                Map.of("Idempotency-Key", "local-recharge-1"));
        assertEquals(201, created.statusCode(), created.body());
        String paymentId = json(created).get("paymentId").getStringValue();

        String body = "{\"paymentId\":\"" + paymentId + "\",\"status\":\"SUCCEEDED\",\"amount\":\"100.00\"}";
        // without the signature the document requires: refused, and the refusal is as documented
        assertEquals(401, api.sendBroken("POST", "/payments/callback", body, Map.of("Content-Type", "application/json"))
                .statusCode());
        HttpResponse<String> paid = post("/payments/callback", body, null, Map.of("X-Payment-Signature",
                new CallbackSignature("local-callback-secret").sign(body.getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, paid.statusCode(), paid.body());
        assertEquals("SUCCEEDED", json(paid).get("status").getStringValue());
        assertEquals("100.00", json(send("GET", "/account", null, user, Map.of())).get("cashBalance").getStringValue());
    }

    @Test
    void theSampleEventIsSignedWithTheLocalSecret() throws Exception {
        String event = Files.readString(Path.of("..", "events", "payment-callback.json"));
        JsonNode result = json(post("/_local/invoke/PaymentCallbackFunction", event, null, Map.of()));
        // signed correctly, so it gets as far as looking the payment up: pay-demo does not exist here
        assertEquals(404, result.get("statusCode").getIntValue(), result.toString());
    }

    private static HttpResponse<String> post(String path, String body, String auth, Map<String, String> headers)
            throws Exception {
        return send("POST", path, body, auth, headers);
    }

    private static HttpResponse<String> send(String method, String path, String body, String auth,
                                             Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (auth != null) {
            headers.put("Authorization", auth);
        }
        headers.putAll(extra);
        return api.send(method, path, body, headers);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return api.json(response);
    }
}
