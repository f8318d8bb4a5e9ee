package com.edgecloud.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.dynamodb.DynamoDbLocal;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.Map;
import java.util.function.Function;

/**
 * A function's real Lambda entry point on a context wired to the shared DynamoDB Local,
 * invoked with API Gateway payload 2.0 events.
 */
public final class FunctionHarness implements AutoCloseable {

    private final ApplicationContext context;
    private final APIGatewayV2HTTPEventFunction handler;

    public FunctionHarness(Function<ApplicationContext, APIGatewayV2HTTPEventFunction> handlerOnContext) {
        context = ApplicationContext.builder()
                .properties(Map.of("dynamodb.endpoint", DynamoDbLocal.shared().endpoint().toString()))
                .start();
        handler = handlerOnContext.apply(context);
    }

    public APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new MockLambdaContext());
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
