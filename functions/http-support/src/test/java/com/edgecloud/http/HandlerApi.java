package com.edgecloud.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Calls a function's real handler with a reshaped {@code events/} sample and reads its answer. */
public final class HandlerApi {

    private final FunctionHarness function;

    public HandlerApi(FunctionHarness function) {
        this.function = function;
    }

    public APIGatewayV2HTTPResponse call(String sample, String method, String path, String body, String sub, String roles,
                                  Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.request(ApiGatewayEvents.sample(sample), method, path, body, sub,
                roles, headers);
        return function.invoke(event);
    }

    public JsonNode json(APIGatewayV2HTTPResponse response) {
        assertNotNull(response.getBody(), "no body");
        try {
            return function.context().getBean(JsonMapper.class).readValue(response.getBody(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(response.getBody(), e);
        }
    }

    /** 200/201 with a JSON body. */
    public JsonNode ok(APIGatewayV2HTTPResponse response, int status) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        return json(response);
    }

    /** SPEC §9: an error is application/problem+json with its status and stable code. */
    public JsonNode problem(APIGatewayV2HTTPResponse response, int status, String code) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        String contentType = header(response, "content-type");
        assertNotNull(contentType, "no content-type in " + response.getHeaders() + " " + response.getMultiValueHeaders());
        assertTrue(contentType.startsWith("application/problem+json"), contentType);
        JsonNode problem = json(response);
        assertEquals(status, problem.get("status").getIntValue(), response.getBody());
        assertEquals(code, problem.get("code").getStringValue(), response.getBody());
        return problem;
    }

    public static String header(APIGatewayV2HTTPResponse response, String name) {
        if (response.getHeaders() != null) {
            for (Map.Entry<String, String> h : response.getHeaders().entrySet()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
        }
        if (response.getMultiValueHeaders() != null) {
            for (var h : response.getMultiValueHeaders().entrySet()) {
                if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return h.getValue().get(0);
                }
            }
        }
        return null;
    }

    /** A field that must be present in the JSON, with the value null. */
    public static void assertNullField(JsonNode object, String field) {
        assertNotNull(object.get(field), field + " missing (SPEC §11: absent fields are null)");
        assertTrue(object.get(field).isNull(), field + " is not null");
    }
}
