package com.edgecloud.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local server over HTTP as the end-to-end tests drive it: every exchange is checked against
 * the API document (ApiContract), and {@link #assertContractKept()} fails the test class on any
 * violation (issue 17: every request and every answer of the end-to-end tests).
 */
final class LocalApi {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final LocalServer server;
    private final String testName;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ApiContract contract = new ApiContract();

    LocalApi(LocalServer server, Class<?> test) {
        this.server = server;
        this.testName = test.getSimpleName();
    }

    /** A request with a JSON body (or none), the bearer token (or null) and an Idempotency-Key (or null). */
    HttpResponse<String> send(String method, String path, String body, String token, String key) {
        return send(method, path, body, headers(token, key));
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpResponse<String> answer = exchange(method, path, body, headers);
        contract.check(method, path, headers, body, answer);
        return answer;
    }

    /** A request the test breaks on purpose (not JSON, a required field missing): only its answer is checked. */
    HttpResponse<String> sendBroken(String method, String path, String body, Map<String, String> headers) {
        HttpResponse<String> answer = exchange(method, path, body, headers);
        contract.checkAnswerToABrokenRequest(method, path, headers, body, answer);
        return answer;
    }

    /**
     * A route of the test classpath only (TestOnlyController's {@code /_test}): not part of the API,
     * so not in its document and not checked.
     */
    HttpResponse<String> sendToTestOnlyRoute(String method, String path, Map<String, String> headers) {
        if (!path.startsWith("/_test/")) {
            throw new IllegalArgumentException(path + " is an API route: send it checked");
        }
        return exchange(method, path, null, headers);
    }

    String token(String sub, String rolesJson) {
        HttpResponse<String> issued = send("POST", "/_local/tokens", "{\"sub\":\"" + sub + "\",\"roles\":[" + rolesJson + "]}",
                null, null);
        assertEquals(200, issued.statusCode(), issued.body());
        return json(issued).get("token").getStringValue();
    }

    static Map<String, String> headers(String token, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (key != null) {
            headers.put(IDEMPOTENCY_KEY, key);
        }
        return headers;
    }

    JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    JsonNode json(String body) {
        try {
            return server.context().getBean(ObjectMapper.class).readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** Prints the validator's counts and fails on any violation; call once, after the class's tests. */
    void assertContractKept() {
        System.out.println("ApiContract " + testName + ": " + contract.checked() + " exchanges checked against the API "
                + "document (" + contract.answersOnly() + " of them answers to requests broken on purpose), "
                + contract.violations().size() + " violations");
        assertEquals(List.of(), contract.violations(), "every request and answer matches the API document");
    }

    private HttpResponse<String> exchange(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
