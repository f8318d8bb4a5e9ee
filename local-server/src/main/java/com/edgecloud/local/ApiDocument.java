package com.edgecloud.local;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI 3 document of the HTTP API (SPEC §9): micronaut-openapi reads the controllers of
 * every function module at compile time and writes {@link #RESOURCE}. OpenApiMatchesTemplateTest
 * fails when its routes and template.yaml's differ. Every operation needs a bearer JWT unless it says
 * otherwise (the public catalog; the provider's callback, which is signed instead).
 */
@OpenAPIDefinition(
        info = @Info(title = "edge-server-billing", version = "0.1.0",
                description = "Billing and lifecycle of Distributed Cloud Physical Servers: buy, renew and run bare-metal "
                        + "servers on edge nodes, pay from a balance or through a payment provider. Rules cited as (P1), "
                        + "(R2) ... are in docs/billing-rules.md.",
                license = @License(name = "Proprietary", identifier = "LicenseRef-Proprietary")),
        servers = @Server(url = "http://127.0.0.1:8080", description = "The local server (local-server, DynamoDB Local)"),
        security = @SecurityRequirement(name = ApiDocument.BEARER),
        tags = {
                @Tag(name = "catalog", description = "Nodes, their specs and prices (public)"),
                @Tag(name = "instances", description = "Buying, renewing and running servers"),
                @Tag(name = "account", description = "Balances, ledger, recharges and messages of the caller's account"),
                @Tag(name = "payments", description = "The payment provider's signed callback"),
                @Tag(name = "admin", description = "Operator endpoints (admin role)"),
                @Tag(name = "local", description = "Local server only, never deployed (internal)")})
@SecurityScheme(name = ApiDocument.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT whose `sub` is the account id; `roles` may hold `admin`. Locally: POST /_local/tokens.")
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

    static final String BEARER = "bearer";

    private ApiDocument() {
    }
}
