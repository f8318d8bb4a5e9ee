package com.edgecloud.payment;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** Lambda entry point of PaymentCallbackFunction: API Gateway HTTP API, payload format 2.0, no JWT. */
public class PaymentCallbackHandler extends APIGatewayV2HTTPEventFunction {

    public PaymentCallbackHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public PaymentCallbackHandler(ApplicationContext context) {
        super(context);
    }
}
