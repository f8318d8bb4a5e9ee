package com.edgecloud.instances;

import io.micronaut.context.ApplicationContext;
import com.edgecloud.http.HttpFunction;

/** Lambda entry point of InstancesFunction: API Gateway HTTP API, payload format 2.0. */
public class InstancesHandler extends HttpFunction {

    public InstancesHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public InstancesHandler(ApplicationContext context) {
        super(context);
    }
}
