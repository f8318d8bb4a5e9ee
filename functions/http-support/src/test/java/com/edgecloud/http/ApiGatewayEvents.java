package com.edgecloud.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.edgecloud.testing.SampleEvents;
import java.nio.file.Path;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway HTTP API (payload 2.0) events for tests: the samples of {@code events/},
 * reshaped for one request (path, body, caller's claims, headers).
 */
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {
    }

    /**
     * As API Gateway fills {@code queryStringParameters} next to {@code rawQueryString}:
     * decoded values, a repeated name's values joined by commas; null when there is no query.
     */
    public static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    /**
     * A sample of the repository's {@code events/} folder, as {@code sam local invoke} takes it: the
     * copy on the classpath (functions/testing, {@link SampleEvents}), never a file outside the module.
     */
    public static APIGatewayV2HTTPEvent sample(String fileName) {
        return EventLoader.loadApiGatewayHttpEvent(SampleEvents.resource(fileName));
    }

    /** The sample reshaped: method, path, body, the caller's claims (null: no authorizer), extra headers. */
    public static APIGatewayV2HTTPEvent request(APIGatewayV2HTTPEvent sample, String method, String path, String body,
                                                String sub, String roles, Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = sample;
        event.setRawPath(path);
        event.setRouteKey(method + " " + path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        event.setBody(body);
        Map<String, String> allHeaders = new HashMap<>();
        allHeaders.put("content-type", "application/json");
        allHeaders.putAll(headers);
        event.setHeaders(allHeaders);
        int query = path.indexOf('?');
        if (query >= 0) {
            event.setRawPath(path.substring(0, query));
            event.getRequestContext().getHttp().setPath(path.substring(0, query));
            event.setRawQueryString(path.substring(query + 1));
            event.setQueryStringParameters(queryParameters(path.substring(query + 1)));
        } else {
            event.setRawQueryString("");
            event.setQueryStringParameters(null);
        }
        event.setPathParameters(null);
        if (sub == null) {
            event.getRequestContext().setAuthorizer(null);
        } else {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(Map.of("sub", sub, "roles", roles == null ? "[]" : roles));
            authorizer.setJwt(jwt);
            event.getRequestContext().setAuthorizer(authorizer);
        }
        return event;
    }
}
