package com.edgecloud.purchase;

import io.micronaut.context.ApplicationContext;
import com.edgecloud.http.HttpFunction;

/** Lambda entry point of PurchaseFunction: API Gateway HTTP API, payload format 2.0. */
public class PurchaseHandler extends HttpFunction {

    public PurchaseHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public PurchaseHandler(ApplicationContext context) {
        super(context);
    }
}
