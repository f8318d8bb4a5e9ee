package com.edgecloud.local;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The OpenAPI 3 document of the HTTP API (SPEC §9): micronaut-openapi reads the controllers of
 * every function module at compile time and writes {@link #RESOURCE}. OpenApiMatchesTemplateTest
 * fails when its routes and template.yaml's differ.
 */
@OpenAPIDefinition(info = @Info(title = "edge-server-billing", version = "0.1.0",
        description = "Billing and lifecycle of Distributed Cloud Physical Servers"))
@OpenAPIInclude(packages = {
        "com.edgecloud.catalog",
        "com.edgecloud.purchase",
        "com.edgecloud.instances",
        "com.edgecloud.renewal",
        "com.edgecloud.account",
        "com.edgecloud.payment",
        "com.edgecloud.admin"})
public final class ApiDocument {

    /** Where the annotation processor writes the document (see local-server/pom.xml). */
    public static final String RESOURCE = "META-INF/swagger/edge-server-billing.yml";

    private ApiDocument() {
    }
}
