package com.edgecloud.http;

import com.edgecloud.runtime.FunctionContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The base of every HTTP function's Lambda entry point (API Gateway HTTP API, payload 2.0): its
 * own context is built as {@link FunctionContexts} says.
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
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return FunctionContexts.tune(super.newApplicationContextBuilder());
    }
}
