package com.edgecloud.purchase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.http.ApiGatewayEvents;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.http.FunctionHarness;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * POST /instances through the real PurchaseHandler (API Gateway payload 2.0 events, from
 * {@code events/purchase-monthly.json}), and what the tests read back from DynamoDB Local.
 */
final class PurchaseApi {

    final FunctionHarness function;
    final Fixtures fixtures;
    private final JsonMapper mapper;

    PurchaseApi(FunctionHarness function, Fixtures fixtures) {
        this.function = function;
        this.fixtures = fixtures;
        this.mapper = function.context().getBean(JsonMapper.class);
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    // ---- requests -------------------------------------------------------------------------

    /** POST /instances as {@code accountId} (null: no JWT claims), with this Idempotency-Key (null: none). */
    Reply post(String accountId, String key, String body) {
        return post(function, accountId, key, body);
    }

    Reply post(FunctionHarness on, String accountId, String key, String body) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("idempotency-key", key);
        APIGatewayV2HTTPResponse response = on.invoke(ApiGatewayEvents.request(
                ApiGatewayEvents.sample("purchase-monthly.json"), "POST", "/instances", body, accountId, "[user]",
                headers));
        return new Reply(response, this);
    }

    /** A monthly-package purchase paid from the balance (P2). */
    static String monthly(String[] nodeAndSpec, int quantity, String unit, int count) {
        return "{\"nodeId\":\"" + nodeAndSpec[0] + "\",\"specId\":\"" + nodeAndSpec[1] + "\",\"quantity\":" + quantity
                + ",\"billingMethod\":\"MONTHLY_PACKAGE\",\"duration\":{\"unit\":\"" + unit + "\",\"count\":" + count
                + "},\"paymentMethod\":\"BALANCE\"}";
    }

    /** A pay-by-configuration launch (G1): no duration. */
    static String payByConfiguration(String[] nodeAndSpec, int quantity) {
        return "{\"nodeId\":\"" + nodeAndSpec[0] + "\",\"specId\":\"" + nodeAndSpec[1] + "\",\"quantity\":" + quantity
                + ",\"billingMethod\":\"PAY_BY_CONFIGURATION\",\"paymentMethod\":\"BALANCE\"}";
    }

    JsonNode parse(String json) {
        try {
            return mapper.readValue(json, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- concurrency ---------------------------------------------------------------------

    // ---- what is stored ---------------------------------------------------------------------

    Money cash(String accountId) {
        return fixtures.account(accountId).wallet().cash();
    }

    /** A coupon with a known id (Fixtures.coupon does not tell its id). */
    String coupon(String accountId, String amount, Instant expiresAt) {
        String id = Ids.next("cpn");
        fixtures.wallets.grantCoupon(accountId, id, Money.parse(amount), expiresAt, Instant.parse("2026-01-01T00:00:00Z"));
        return id;
    }

    /** The coupon's remaining value as stored; a coupon used up leaves the wallet (A3, A4). */
    Money couponRemaining(String accountId, String couponId) {
        return fixtures.account(accountId).wallet().coupon(couponId).map(Coupon::remaining).orElse(Money.ZERO);
    }

    List<LedgerEntry> ledger(String accountId) {
        List<LedgerEntry> all = new ArrayList<>();
        String token = null;
        do {
            var page = fixtures.wallets.ledger(accountId, 100, token);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    List<LedgerEntry> ledger(String accountId, String type) {
        return ledger(accountId).stream().filter(e -> e.type().name().equals(type)).toList();
    }

    List<Map<String, AttributeValue>> orders(String accountId) {
        return ofAccount(fixtures.tables.orders(), accountId);
    }

    List<Map<String, AttributeValue>> instances(String accountId) {
        return ofAccount(fixtures.tables.instances(), accountId);
    }

    List<Map<String, AttributeValue>> terms(String accountId) {
        return ofAccount(fixtures.tables.terms(), accountId);
    }

    List<Map<String, AttributeValue>> outbox(String accountId) {
        return ofAccount(fixtures.tables.outbox(), accountId);
    }

    private List<Map<String, AttributeValue>> ofAccount(String table, String accountId) {
        return fixtures.dynamo.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true)
                        .filterExpression("accountId = :a")
                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(accountId))).build())
                .items().stream().toList();
    }

    Fixtures.Snapshot snapshot(Fixtures.Buyer buyer) {
        return fixtures.snapshot(buyer);
    }

    Fixtures.Snapshot snapshot(String accountId, String[] nodeAndSpec) {
        return fixtures.snapshot(accountId, nodeAndSpec[0], nodeAndSpec[1]);
    }

    // ---- replies ----------------------------------------------------------------------------

    /** A handler response with its body parsed. */
    static final class Reply {
        final int status;
        final String body;
        final Map<String, String> headers;
        private final PurchaseApi api;
        private JsonNode json;

        Reply(APIGatewayV2HTTPResponse response, PurchaseApi api) {
            this.status = response.getStatusCode();
            this.body = response.getBody();
            this.api = api;
            Map<String, String> lower = new HashMap<>();
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((k, v) -> lower.put(k.toLowerCase(), v));
            }
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders().forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(), String.join(",", v)));
            }
            this.headers = lower;
        }

        /** The body, shortened for assertion messages. */
        String brief() {
            return body == null || body.length() <= 600 ? body : body.substring(0, 600) + "... (" + body.length() + " chars)";
        }

        JsonNode json() {
            if (json == null) {
                assertNotNull(body, "a body");
                json = api.parse(body);
            }
            return json;
        }

        String contentType() {
            return headers.get("content-type");
        }

        String code() {
            JsonNode code = json().get("code");
            return code == null ? null : code.getStringValue();
        }

        /** The answer is RFC 9457 problem+json with this status and SPEC §9 code. */
        Reply assertProblem(int expectedStatus, String expectedCode) {
            assertEquals(expectedStatus, status, brief());
            assertNotNull(contentType(), "content-type of " + brief());
            assertTrue(contentType().startsWith("application/problem+json"), "content-type " + contentType());
            assertEquals(expectedStatus, json().get("status").getIntValue(), brief());
            assertEquals(expectedCode, code(), brief());
            return this;
        }

        /** VALIDATION_FAILED naming exactly these fields in {@code errors}. */
        Reply assertValidationFailed(String... fields) {
            assertProblem(400, "VALIDATION_FAILED");
            assertEquals(List.of(fields).stream().sorted().toList(), errorFields().stream().sorted().distinct().toList(),
                    brief());
            return this;
        }

        List<String> errorFields() {
            JsonNode errors = json().get("errors");
            assertNotNull(errors, "errors in " + brief());
            assertTrue(errors.isArray(), brief());
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < errors.size(); i++) {
                fields.add(errors.get(i).get("field").getStringValue());
            }
            return fields;
        }

        /** Field name → message of {@code errors}. */
        Map<String, String> errors() {
            Map<String, String> out = new LinkedHashMap<>();
            JsonNode errors = json().get("errors");
            for (int i = 0; i < errors.size(); i++) {
                out.put(errors.get(i).get("field").getStringValue(), errors.get(i).get("message").getStringValue());
            }
            return out;
        }

        Reply assertCreated() {
            assertEquals(201, status, brief());
            assertNotNull(contentType(), "content-type");
            assertTrue(contentType().startsWith("application/json"), "content-type " + contentType());
            return this;
        }
    }
}
