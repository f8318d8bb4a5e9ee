package com.edgecloud.admin;

import io.micronaut.context.ApplicationContext;
import com.edgecloud.http.HttpFunction;

/** Lambda entry point of AdminFunction: API Gateway HTTP API, payload format 2.0. */
public class AdminHandler extends HttpFunction {

    public AdminHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public AdminHandler(ApplicationContext context) {
        super(context);
    }
}
