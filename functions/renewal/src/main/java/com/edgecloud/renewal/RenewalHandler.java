package com.edgecloud.renewal;

import com.edgecloud.http.HttpFunction;
import io.micronaut.context.ApplicationContext;

/** Lambda entry point of RenewalFunction: API Gateway HTTP API, payload format 2.0. */
public class RenewalHandler extends HttpFunction {

    public RenewalHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public RenewalHandler(ApplicationContext context) {
        super(context);
    }
}
