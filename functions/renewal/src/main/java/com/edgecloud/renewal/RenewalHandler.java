package com.edgecloud.renewal;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** Lambda entry point of RenewalFunction: API Gateway HTTP API, payload format 2.0. */
public class RenewalHandler extends APIGatewayV2HTTPEventFunction {

    public RenewalHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public RenewalHandler(ApplicationContext context) {
        super(context);
    }
}
