package com.edgecloud.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventHandler;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One function {@code POST /_local/invoke/{logicalId}} can run: its SAM logical id, the event
 * type its JSON is read as, and how to build its handler on the local server's application
 * context (so it shares the settable clock and DynamoDB Local).
 */
public record LocalFunction<I, O>(String logicalId, Class<I> eventType,
                                  Function<ApplicationContext, ? extends RequestHandler<I, O>> handlerFactory) {

    public LocalFunction {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(handlerFactory, "handlerFactory");
    }

    /**
     * An HTTP API function (payload 2.0). Every controller is on the one context, so the event
     * goes through the same Micronaut handler its {@code APIGatewayV2HTTPEventFunction} uses, built
     * on the shared context: never the function class itself, which would start or close a context.
     */
    public static LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpApi(String logicalId,
                                                                                        String controllerPackage) {
        return new LocalFunction<>(logicalId, APIGatewayV2HTTPEvent.class, context -> {
            APIGatewayV2HTTPEventHandler handler = new APIGatewayV2HTTPEventHandler(context);
            Router router = context.getBean(Router.class);
            return (event, lambdaContext) -> servedBy(router, event, controllerPackage)
                    ? handler.exchange(event, new APIGatewayV2HTTPResponse()).getResponse().getNativeResponse()
                    : notThisFunctionsRoute(event);
        });
    }

    /** Only the function's own controllers are in its jar: another function's route is not found there. */
    private static boolean servedBy(Router router, APIGatewayV2HTTPEvent event, String controllerPackage) {
        if (event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                || event.getRawPath() == null) {
            return true; // let the handler answer a malformed event as the function would
        }
        HttpMethod method = HttpMethod.parse(event.getRequestContext().getHttp().getMethod());
        return router.find(method, event.getRawPath(), null)
                .anyMatch(match -> match.getRouteInfo().getDeclaringType().getPackageName().equals(controllerPackage));
    }

    private static APIGatewayV2HTTPResponse notThisFunctionsRoute(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(404);
        response.setHeaders(Map.of("content-type", "application/problem+json"));
        response.setBody("{\"type\":\"https://errors.edge-server-billing/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"This function serves no route " + event.getRouteKey()
                .replace("\"", "") + "\",\"code\":\"NOT_FOUND\"}");
        return response;
    }

    /**
     * Any other function, e.g. a scheduled one: {@code handler("ExpirySweepFunction",
     * ScheduledEvent.class, ExpirySweepHandler::new)} with a handler constructor taking the
     * {@link ApplicationContext} (as {@code MicronautRequestHandler(ApplicationContext)} does).
     */
    public static <I, O> LocalFunction<I, O> handler(String logicalId, Class<I> eventType,
                                                     Function<ApplicationContext, ? extends RequestHandler<I, O>> factory) {
        return new LocalFunction<>(logicalId, eventType, factory);
    }

    /** A scheduled function: its event is the EventBridge envelope, read as a JSON object (T2). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static LocalFunction<Map<String, Object>, Map<String, Object>> scheduled(String logicalId,
            Function<ApplicationContext, ? extends RequestHandler<Map<String, Object>, Map<String, Object>>> factory) {
        return new LocalFunction<>(logicalId, (Class<Map<String, Object>>) (Class) Map.class, factory);
    }
}
