package com.edgecloud.catalog;

import io.micronaut.context.ApplicationContext;
import com.edgecloud.http.HttpFunction;

/** Lambda entry point of CatalogFunction: API Gateway HTTP API, payload format 2.0. */
public class CatalogHandler extends HttpFunction {

    public CatalogHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public CatalogHandler(ApplicationContext context) {
        super(context);
    }
}
