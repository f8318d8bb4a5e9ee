package com.edgecloud.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.runtime.SettableClock;
import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A function's real Lambda entry point on a context wired to the shared DynamoDB Local,
 * invoked with API Gateway payload 2.0 events. As a static {@code @RegisterExtension} field it is
 * started with the test class and closed after its last test.
 */
public final class FunctionHarness implements AutoCloseable, AfterAllCallback {

    private final ApplicationContext context;
    private final APIGatewayV2HTTPEventFunction handler;

    public FunctionHarness(Function<ApplicationContext, APIGatewayV2HTTPEventFunction> handlerOnContext) {
        this(handlerOnContext, Map.of());
    }

    /** {@code properties}: what the function's environment would set (a secret's name, an endpoint). */
    public FunctionHarness(Function<ApplicationContext, APIGatewayV2HTTPEventFunction> handlerOnContext,
                           Map<String, Object> properties) {
        context = TestContexts.start(properties);
        handler = handlerOnContext.apply(context);
    }

    public APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new MockLambdaContext());
    }

    /** Business time of this function: tests set it (T2). */
    public SettableClock clock() {
        return context.getBean(SettableClock.class);
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        close();
    }
}
