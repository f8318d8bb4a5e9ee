package com.edgecloud.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.runtime.FunctionContexts;
import com.edgecloud.runtime.Observability;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The base of every HTTP function's Lambda entry point (API Gateway HTTP API, payload 2.0): its
 * own context is built as {@link FunctionContexts} says; every request is logged and counted
 * ({@link RequestLog}) with the invocation's fields (Powertools).
 */
public abstract class HttpFunction extends APIGatewayV2HTTPEventFunction {

    protected HttpFunction() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    protected HttpFunction(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context lambda) {
        return Observability.withLogging(lambda,
                () -> RequestLog.around(event, lambda, () -> super.handleRequest(event, lambda)));
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return FunctionContexts.tune(super.newApplicationContextBuilder());
    }
}
