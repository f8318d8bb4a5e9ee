package com.edgecloud.account;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** Lambda entry point of AccountFunction: API Gateway HTTP API, payload format 2.0. */
public class AccountHandler extends APIGatewayV2HTTPEventFunction {

    public AccountHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public AccountHandler(ApplicationContext context) {
        super(context);
    }
}
