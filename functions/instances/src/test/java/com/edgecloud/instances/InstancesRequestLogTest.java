package com.edgecloud.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.edgecloud.billing.Ids;
import com.edgecloud.http.ApiGatewayEvents;
import com.edgecloud.runtime.InvocationContext;
import com.edgecloud.testing.TestContexts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;

/**
 * Issue 11: a deployed HTTP function logs one JSON line per request with the invocation's fields,
 * the caller's account and the instance of the path; a request that charged nothing publishes no
 * EMF (its counts are API Gateway's).
 */
class InstancesRequestLogTest {

    static InstancesHandler handler;

    @BeforeAll
    static void start() {
        // If a document were published, it would go to stdout, where the assertions look for it.
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
        handler = new InstancesHandler(TestContexts.start(Map.of()));
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    @Test
    void aRequestIsLoggedWithItsAccountInstanceAndRequestId() {
        String account = Ids.next("acct");
        String instanceId = InstancesHandlerIntegrationTest.put(
                InstancesHandlerIntegrationTest.monthly(account, Instant.parse("2026-01-15T02:00:00Z"))).id();

        List<JsonNode> lines = invoke(get(account, "/instances/" + instanceId), "req-log-1");

        JsonNode line = requestLine(lines);
        assertEquals("GET /instances/" + instanceId + " -> 200", withoutTime(line));
        assertEquals(account, line.get("account_id").asText());
        assertEquals(instanceId, line.get("instance_id").asText());
        assertEquals("req-log-1", line.get("function_request_id").asText());
        assertEquals("billing-InstancesFunction-X1", line.get("function_name").asText());
        assertFalse(lines.stream().anyMatch(l -> l.has("_aws")), "no EMF document: " + lines);
    }

    @Test
    void someoneElsesInstanceIsRefusedAndTheIdsDoNotOutliveTheRequest() {
        String owner = Ids.next("acct");
        String instanceId = InstancesHandlerIntegrationTest.put(
                InstancesHandlerIntegrationTest.monthly(owner, Instant.parse("2026-01-15T02:00:00Z"))).id();
        String stranger = Ids.next("acct");

        List<JsonNode> lines = invoke(get(stranger, "/instances/" + instanceId), "req-log-2");
        JsonNode refused = requestLine(lines);
        assertEquals(stranger, refused.get("account_id").asText());
        assertEquals("GET /instances/" + instanceId + " -> 404", withoutTime(refused));

        List<JsonNode> next = invoke(get(null, "/instances"), "req-log-3");
        JsonNode anonymous = requestLine(next);
        assertFalse(anonymous.has("account_id"), anonymous.toString());
        assertFalse(anonymous.has("instance_id"), anonymous.toString());
    }

    private static APIGatewayV2HTTPEvent get(String account, String path) {
        return ApiGatewayEvents.request(ApiGatewayEvents.sample(InstancesHandlerIntegrationTest.SAMPLE), "GET", path,
                null, account, null, Map.of());
    }

    private static List<JsonNode> invoke(APIGatewayV2HTTPEvent event, String requestId) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            handler.handleRequest(event, new InvocationContext("billing-InstancesFunction-X1", requestId, 29_000));
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        return out.lines().filter(l -> l.startsWith("{")).map(InstancesRequestLogTest::json).toList();
    }

    private static JsonNode requestLine(List<JsonNode> lines) {
        return lines.stream().filter(l -> l.has("message") && l.get("message").asText().matches("GET /instances\\S* -> .*"))
                .findFirst().orElseThrow(() -> new AssertionError("no request line in " + lines));
    }

    private static String withoutTime(JsonNode line) {
        return line.get("message").asText().replaceAll(" in \\d+ ms$", "");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
