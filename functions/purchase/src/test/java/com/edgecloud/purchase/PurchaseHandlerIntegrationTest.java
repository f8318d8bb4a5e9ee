package com.edgecloud.purchase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.http.ApiGatewayEvents;
import com.edgecloud.http.Fixtures;
import com.edgecloud.http.FunctionHarness;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PurchaseHandlerIntegrationTest {

    static FunctionHarness function;
    static final Fixtures fixtures = new Fixtures();

    @BeforeAll
    static void start() {
        function = new FunctionHarness(PurchaseHandler::new);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    APIGatewayV2HTTPResponse post(String accountId, String key, String body) {
        return function.invoke(ApiGatewayEvents.request(ApiGatewayEvents.sample("purchase-monthly.json"), "POST",
                "/instances", body, accountId, "[user]", key == null ? Map.of() : Map.of("idempotency-key", key)));
    }

    JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return function.context().getBean(JsonMapper.class).readValue(response.getBody(), JsonNode.class);
    }

    @Test
    void monthlyPurchaseChargesTheWholePriceOnce_P2() throws Exception {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "5000.00");
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 10);
        APIGatewayV2HTTPResponse response = post(account, UUID.randomUUID().toString(),
                "{\"nodeId\":\"" + spec[0] + "\",\"specId\":\"" + spec[1] + "\",\"quantity\":2,"
                        + "\"billingMethod\":\"MONTHLY_PACKAGE\",\"duration\":{\"unit\":\"MONTH\",\"count\":2},"
                        + "\"paymentMethod\":\"BALANCE\"}");
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertEquals("4000.00", body.get("order").get("amount").getStringValue());
        assertEquals(2, body.get("instances").size());
        assertNotNull(body.get("instances").get(0).get("expiresAt"));
        assertEquals("1000.00", fixtures.account(account).wallet().cash().toString());
        assertEquals(8, fixtures.stock(spec[0], spec[1]));
    }
}
