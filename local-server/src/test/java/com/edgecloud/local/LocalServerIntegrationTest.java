package com.edgecloud.local;

import com.edgecloud.runtime.SettableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.http.CallerResolver;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local server in-process on a random port, driven over HTTP (SPEC §10). */
class LocalServerIntegrationTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static LocalServer server;
    private static LocalApi api;

    @BeforeAll
    static void startServer() {
        server = LocalServer.start(Map.of("micronaut.server.port", -1));
        api = new LocalApi(server, LocalServerIntegrationTest.class);
    }

    @AfterAll
    static void stopServer() {
        server.close();
        api.assertContractKept();
    }

    @AfterEach
    void backToSystemClock() throws Exception {
        send("DELETE", "/_local/clock", null, null);
    }

    @Test
    void listensOnTheRandomPortItReports() {
        assertTrue(server.port() > 0);
        assertNotEquals(8080, server.port());
        assertEquals("http://127.0.0.1:" + server.port(), server.baseUri().toString());
    }

    @Test
    void openApiDocumentIsServed() throws Exception {
        HttpResponse<String> response = send("GET", "/_local/openapi.yml", null, null);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("openapi: 3."), response.body());
        assertTrue(response.body().contains("/instances/{id}/renewals:"), response.body());
    }

    /** A client that accepts "any" encoding gets one every HTTP client knows, never snappy. */
    @Test
    void aWildcardAcceptEncodingIsAnsweredWithGzipOrIdentity() throws Exception {
        for (String accepted : List.of("*", "br;q=0, *", "*;q=0.5")) {
            // the raw bytes, to see the encoding: not through LocalApi, whose checks read text
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/_local/openapi.yml"))
                    .header("Accept-Encoding", accepted).build(), BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
            assertTrue(encoding.equals("gzip") || encoding.equals("identity"), accepted + " answered " + encoding);
            assertTrue(response.body().length > 1000, "the document is long enough to be compressed");
        }
        assertEquals("gzip, identity", KnownContentEncodings.known("*"));
        assertEquals("*;q=0", KnownContentEncodings.known("*;q=0"), "a refused wildcard is left as it is");
        assertEquals("br, gzip", KnownContentEncodings.known("br, gzip"), "named encodings are left as they are");
    }

    @Test
    void healthAnswersUp() throws Exception {
        HttpResponse<String> response = send("GET", "/_local/health", null, null);

        assertEquals(200, response.statusCode());
        assertEquals("UP", json(response).get("status").getStringValue());
    }

    @Test
    void tokenFromLocalTokensLetsARequestThrough() throws Exception {
        String token = token("{\"sub\":\"acct-1\",\"roles\":[\"admin\"]}");

        HttpResponse<String> response = testOnly("/_test/whoami", "Bearer " + token);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals("acct-1", body.get("accountId").getStringValue());
        assertEquals("admin", body.get("roles").get(0).getStringValue());
    }

    @Test
    void tokenWithoutRolesIsAPlainCaller() throws Exception {
        String token = token("{\"sub\":\"acct-2\"}");

        JsonNode body = json(testOnly("/_test/whoami", "Bearer " + token));

        assertEquals("acct-2", body.get("accountId").getStringValue());
        // serde leaves an empty list out
        assertTrue(body.get("roles") == null || body.get("roles").size() == 0, body.toString());
    }

    @Test
    void noTokenIsUnauthenticatedProblem() throws Exception {
        HttpResponse<String> response = testOnly("/_test/whoami", null);

        assertProblem(response, 401, "UNAUTHENTICATED");
    }

    @Test
    void tamperedTokenIsUnauthenticatedProblem() throws Exception {
        String token = token("{\"sub\":\"acct-1\"}");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertProblem(testOnly("/_test/whoami", "Bearer " + tampered), 401, "UNAUTHENTICATED");
    }

    @Test
    void tokenWithoutSubIsAValidationProblem() throws Exception {
        assertProblem(broken("POST", "/_local/tokens", "{\"sub\":\"  \"}"), 400, "VALIDATION_FAILED");
        assertProblem(broken("POST", "/_local/tokens", "{\"roles\":[\"admin\"]}"), 400, "VALIDATION_FAILED");
        assertProblem(broken("POST", "/_local/tokens", "not json"), 400, "VALIDATION_FAILED");
        assertProblem(broken("POST", "/_local/tokens", "{\"sub\":\"a\",\"roles\":\"admin\"}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void setClockIsTheNowOfEveryControllerUntilDeleted_T2() throws Exception {
        HttpResponse<String> set = send("PUT", "/_local/clock", "{\"now\": \"2016-01-01T15:00:00+08:00\"}", null);

        assertEquals(200, set.statusCode(), set.body());
        assertEquals("2016-01-01T15:00:00+08:00", json(set).get("now").getStringValue());
        assertTrue(json(set).get("frozen").getBooleanValue());
        JsonNode current = json(send("GET", "/_local/clock", null, null));
        assertEquals("2016-01-01T15:00:00+08:00", current.get("now").getStringValue());
        assertEquals("2016-01-01T07:00:00Z", json(testOnly("/_test/now", null)).get("now").getStringValue());

        HttpResponse<String> reset = send("DELETE", "/_local/clock", null, null);

        assertEquals(200, reset.statusCode());
        assertFalse(json(reset).get("frozen").getBooleanValue());
        Instant controllerNow = Instant.parse(json(testOnly("/_test/now", null)).get("now").getStringValue());
        assertTrue(controllerNow.isAfter(Instant.parse("2020-01-01T00:00:00Z")), controllerNow.toString());
    }

    @Test
    void clockAcceptsZ() throws Exception {
        HttpResponse<String> set = send("PUT", "/_local/clock", "{\"now\": \"2016-02-01T23:59:59Z\"}", null);

        assertEquals(200, set.statusCode(), set.body());
        assertEquals("2016-02-01T23:59:59Z", json(set).get("utc").getStringValue());
    }

    @Test
    void badClockIsAValidationProblemAndChangesNothing() throws Exception {
        assertProblem(broken("PUT", "/_local/clock", "{\"now\": \"2016-01-01 15:00\"}"), 400, "VALIDATION_FAILED");
        assertProblem(broken("PUT", "/_local/clock", "{\"now\": \"2016-01-01T15:00:00\"}"), 400, "VALIDATION_FAILED");
        assertProblem(broken("PUT", "/_local/clock", "{}"), 400, "VALIDATION_FAILED");
        assertProblem(broken("PUT", "/_local/clock", "[]"), 400, "VALIDATION_FAILED");

        assertFalse(json(send("GET", "/_local/clock", null, null)).get("frozen").getBooleanValue());
    }

    @Test
    void tokenStillWorksWhenTheClockIsMovedYearsBack() throws Exception {
        String token = token("{\"sub\":\"acct-3\"}");
        send("PUT", "/_local/clock", "{\"now\": \"2016-01-01T15:00:00+08:00\"}", null);

        assertEquals(200, testOnly("/_test/whoami", "Bearer " + token).statusCode());
    }

    @Test
    void theServersClockAndCallerResolverAreTheLocalOnes() {
        assertInstanceOf(SettableClock.class, server.context().getBean(Clock.class));
        assertEquals(1, server.context().getBeansOfType(Clock.class).size());
        assertInstanceOf(LocalJwtCallerResolver.class, server.context().getBean(CallerResolver.class));
        assertEquals(1, server.context().getBeansOfType(CallerResolver.class).size());
    }

    @Test
    void invokingAnUnknownFunctionIsNotFound() throws Exception {
        String event = Files.readString(Path.of("..", "events", "catalog-list-nodes.json"));

        assertProblem(send("POST", "/_local/invoke/NoSuchFunction", event, null), 404, "NOT_FOUND");
    }

    @Test
    void invokingWithSomethingThatIsNotAnEventIsAValidationProblem() throws Exception {
        assertProblem(broken("POST", "/_local/invoke/CatalogFunction", "{not json"), 400, "VALIDATION_FAILED");
        assertProblem(broken("POST", "/_local/invoke/CatalogFunction", ""), 400, "VALIDATION_FAILED");
    }

    @Test
    void scheduledFunctionsRunOnTheirSampleEvents_T2() throws Exception {
        for (String[] function : new String[][] {{"ExpirySweepFunction", "expiry-sweep.json", "2016-02-01T16:00:00Z"},
                {"UsageBillingFunction", "usage-billing.json", "2016-01-01T08:00:00Z"}}) {
            String event = Files.readString(Path.of("..", "events", function[1]));
            HttpResponse<String> response = send("POST", "/_local/invoke/" + function[0], event, null);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode result = json(response);
            assertEquals("OK", result.get("status").getStringValue(), response.body());
            assertEquals(function[2], result.get("now").getStringValue(), response.body());
        }
        // UsageBucketFunction's sample: one bucket message from the queue, run for its envelope's time
        HttpResponse<String> queued = send("POST", "/_local/invoke/UsageBucketFunction",
                Files.readString(Path.of("..", "events", "usage-bucket.json")), null);
        assertEquals(200, queued.statusCode(), queued.body());
        JsonNode run = json(queued).get("runs").get(0);
        assertEquals("OK", run.get("status").getStringValue(), queued.body());
        assertEquals("2016-01-01T08:00:00Z", run.get("now").getStringValue(), queued.body());
        assertEquals("USAGE#0", run.get("buckets").get(0).getStringValue(), queued.body());
        JsonNode rejected = json(send("POST", "/_local/invoke/ExpirySweepFunction", "{\"detail\":{}}", null));
        assertEquals("REJECTED", rejected.get("status").getStringValue());
    }

    @Test
    void invokedCatalogFunctionAnswersItsResultFromTheSharedDynamoDb() throws Exception {
        String admin = token("{\"sub\":\"ops-1\",\"roles\":[\"admin\"]}");
        HttpResponse<String> put = send("PUT", "/admin/catalog/nodes/node-local-it",
                "{\"name\":\"Local IT node\",\"region\":\"East China\",\"city\":\"Shanghai\",\"latitude\":31.2304,"
                        + "\"longitude\":121.4737,\"status\":\"OPEN\"}", "Bearer " + admin);
        assertEquals(200, put.statusCode(), put.body());
        String event = Files.readString(Path.of("..", "events", "catalog-list-nodes.json"));

        HttpResponse<String> response = send("POST", "/_local/invoke/CatalogFunction", event, null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertEquals(200, result.get("statusCode").getIntValue(), response.body());
        assertFalse(result.get("isBase64Encoded").getBooleanValue());
        JsonNode items = json(result.get("body").getStringValue()).get("items");
        assertNotNull(items, response.body());
        boolean listed = false;
        for (JsonNode node : items.values()) {
            listed |= "node-local-it".equals(node.get("nodeId").getStringValue());
        }
        assertTrue(listed, response.body());
    }

    @Test
    void theNearAndQuoteSamplesAnswerThroughTheirFunctionAndTheQuoteIsPublic_C3_C4() throws Exception {
        String admin = "Bearer " + token("{\"sub\":\"ops-1\",\"roles\":[\"admin\"]}");
        assertEquals(200, send("PUT", "/admin/catalog/nodes/node-sh-1", CatalogBodies.node("Shanghai 1"), admin).statusCode());
        HttpResponse<String> spec = send("PUT", "/admin/catalog/nodes/node-sh-1/specs/cps-std-1", CatalogBodies.spec(5), admin);
        assertEquals(200, spec.statusCode(), spec.body());

        JsonNode near = json(send("POST", "/_local/invoke/CatalogFunction",
                Files.readString(Path.of("..", "events", "catalog-near.json")), null));
        assertEquals(200, near.get("statusCode").getIntValue(), near.toString());
        JsonNode first = json(near.get("body").getStringValue()).get("items").get(0);
        assertEquals(0.0, first.get("distanceKm").getDoubleValue(), "a node at the very point comes first");

        JsonNode quote = json(send("POST", "/_local/invoke/CatalogFunction",
                Files.readString(Path.of("..", "events", "catalog-quote.json")), null));
        assertEquals(200, quote.get("statusCode").getIntValue(), quote.toString());
        assertEquals("6000.00", json(quote.get("body").getStringValue()).get("amount").getStringValue(), "2 x 3 months");

        HttpResponse<String> anonymous = send("GET", "/catalog/nodes/node-sh-1/specs/cps-std-1/quote"
                + "?billingMethod=PAY_BY_CONFIGURATION&quantity=2", null, null);
        assertEquals(200, anonymous.statusCode(), anonymous.body());
        assertEquals("96.00", json(anonymous.body()).get("daily").getStringValue());
    }

    @Test
    void invokedEventIsAuthenticatedByItsAuthorizerClaims() throws Exception {
        HttpResponse<String> response = send("POST", "/_local/invoke/AccountFunction",
                accountEvent("\"authorizer\": {\"jwt\": {\"claims\": {\"sub\": \"acct-9\", \"roles\": \"[admin]\"}, \"scopes\": null}},"),
                null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertEquals(200, result.get("statusCode").getIntValue(), response.body());
        JsonNode account = json(result.get("body").getStringValue());
        assertEquals("acct-9", account.get("accountId").getStringValue());
        // the function ran on the shared context without stopping it
        assertTrue(server.context().isRunning());
        assertEquals(200, send("GET", "/_local/health", null, null).statusCode());
    }

    @Test
    void invokedEventWithoutClaimsOrTokenIsUnauthenticated() throws Exception {
        JsonNode result = json(send("POST", "/_local/invoke/AccountFunction", accountEvent(""), null));

        assertEquals(401, result.get("statusCode").getIntValue());
        assertEquals("UNAUTHENTICATED", json(result.get("body").getStringValue()).get("code").getStringValue());
    }

    @Test
    void aFunctionAnswersNotFoundForAnotherFunctionsRoute() throws Exception {
        JsonNode result = json(send("POST", "/_local/invoke/CatalogFunction",
                accountEvent("\"authorizer\": {\"jwt\": {\"claims\": {\"sub\": \"acct-9\"}, \"scopes\": null}},"), null));

        assertEquals(404, result.get("statusCode").getIntValue());
        assertEquals("NOT_FOUND", json(result.get("body").getStringValue()).get("code").getStringValue());
    }

    @Test
    void everyHttpFunctionOfTheTemplateIsInvokable() {
        assertTrue(server.context().getBean(LocalFunctions.class).logicalIds().containsAll(List.of(
                "CatalogFunction", "PurchaseFunction", "RenewalFunction", "InstancesFunction", "AccountFunction",
                "AdminFunction",
                "PaymentCallbackFunction")));
    }

    private static String accountEvent(String authorizer) {
        return """
                {
                  "version": "2.0",
                  "routeKey": "GET /account",
                  "rawPath": "/account",
                  "rawQueryString": "",
                  "headers": {"accept": "application/json"},
                  "requestContext": {
                    %s
                    "http": {"method": "GET", "path": "/account", "protocol": "HTTP/1.1",
                             "sourceIp": "127.0.0.1", "userAgent": "test"},
                    "requestId": "test-whoami",
                    "routeKey": "GET /account",
                    "stage": "$default",
                    "timeEpoch": 1768442400000
                  },
                  "isBase64Encoded": false
                }
                """.formatted(authorizer);
    }

    private static String token(String request) throws Exception {
        HttpResponse<String> response = send("POST", "/_local/tokens", request, null);
        assertEquals(200, response.statusCode(), response.body());
        String token = json(response).get("token").getStringValue();
        assertNotNull(token);
        return token;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON),
                response.headers().map().toString());
        JsonNode problem = json(response);
        assertEquals(status, problem.get("status").getIntValue());
        assertEquals(code, problem.get("code").getStringValue());
        assertNotNull(problem.get("title"));
        assertNotNull(problem.get("detail"));
        assertNotNull(problem.get("type"));
    }

    private static HttpResponse<String> send(String method, String path, String body, String authorization) {
        return api.send(method, path, body, headers(body, authorization));
    }

    /** A request broken on purpose: only its answer is held to the API document. */
    private static HttpResponse<String> broken(String method, String path, String body) {
        return api.sendBroken(method, path, body, headers(body, null));
    }

    private static HttpResponse<String> testOnly(String path, String authorization) {
        return api.sendToTestOnlyRoute("GET", path, headers(null, authorization));
    }

    private static Map<String, String> headers(String body, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return headers;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return api.json(response);
    }

    private static JsonNode json(String body) {
        return api.json(body);
    }
}
