package com.edgecloud.payment;

import com.edgecloud.http.HttpFunction;
import io.micronaut.context.ApplicationContext;

/** Lambda entry point of PaymentCallbackFunction: API Gateway HTTP API, payload format 2.0, no JWT. */
public class PaymentCallbackHandler extends HttpFunction {

    public PaymentCallbackHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public PaymentCallbackHandler(ApplicationContext context) {
        super(context);
    }
}
