package com.edgecloud.account;

import io.micronaut.context.ApplicationContext;
import com.edgecloud.http.HttpFunction;

/** Lambda entry point of AccountFunction: API Gateway HTTP API, payload format 2.0. */
public class AccountHandler extends HttpFunction {

    public AccountHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public AccountHandler(ApplicationContext context) {
        super(context);
    }
}
