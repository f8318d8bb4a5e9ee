package com.edgecloud.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.runtime.Observability;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One JSON log line per HTTP request (issue 11): the route, status and time, with
 * {@code account_id} (the token's subject) and {@code instance_id} (from the path) on every line
 * logged while the request runs. Never the token, the body or the query string: they may carry
 * contacts or secrets. A request that charged (a purchase answered 201, a renewal 200) also publishes
 * its business metric as EMF. Request counts, 4xx, 5xx and latency per route are API Gateway's own
 * metrics (template.yaml, DetailedMetricsEnabled): publishing them here too would load the EMF
 * library (Jackson databind, some 380 classes) into every function's first request.
 */
final class RequestLog {

    static final String ACCOUNT_ID = "account_id";
    static final String INSTANCE_ID = "instance_id";

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final Pattern INSTANCE = Pattern.compile("/instances/([^/]+)");
    private static final Pattern RENEWAL = Pattern.compile("/instances/[^/]+/renewals");

    private RequestLog() {
    }

    static APIGatewayV2HTTPResponse around(APIGatewayV2HTTPEvent event, Context lambda,
                                           Supplier<APIGatewayV2HTTPResponse> handle) {
        String method = method(event);
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        accountOf(event).ifPresent(account -> MDC.put(ACCOUNT_ID, account));
        Matcher instance = INSTANCE.matcher(path);
        if (instance.find()) {
            MDC.put(INSTANCE_ID, instance.group(1));
        }
        long started = System.nanoTime(); // infrastructure time: a duration, not business time
        int status = 500;
        try {
            APIGatewayV2HTTPResponse response = handle.get();
            status = response.getStatusCode();
            return response;
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info("{} {} -> {} in {} ms", method, path, status, millis);
            Map<String, Number> charges = metrics(method, path, status);
            if (!charges.isEmpty()) {
                Observability.publish(lambda, charges, Map.of());
            }
            MDC.remove(ACCOUNT_ID);
            MDC.remove(INSTANCE_ID);
        }
    }

    /**
     * What a request charged: a purchase answered 201 (created), a renewal answered 200 (the
     * instance renewed, issue 16: it was counted on 201, which a renewal never answers); empty
     * for anything else.
     */
    static Map<String, Number> metrics(String method, String path, int status) {
        if (!"POST".equals(method)) {
            return Map.of();
        }
        if ("/instances".equals(path)) {
            return status == 201 ? Map.of("Purchases", 1) : Map.of();
        }
        return status == 200 && RENEWAL.matcher(path).matches() ? Map.of("Renewals", 1) : Map.of();
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "?" : event.getRequestContext().getHttp().getMethod();
    }

    private static Optional<String> accountOf(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
                || event.getRequestContext().getAuthorizer().getJwt() == null
                || event.getRequestContext().getAuthorizer().getJwt().getClaims() == null) {
            return Optional.empty();
        }
        return AuthorizerClaims.callerFrom(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .map(Caller::accountId);
    }
}
