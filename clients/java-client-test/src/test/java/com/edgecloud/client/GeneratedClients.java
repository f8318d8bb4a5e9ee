package com.edgecloud.client;

import com.edgecloud.client.api.AccountApi;
import com.edgecloud.client.api.AdminApi;
import com.edgecloud.client.api.CatalogApi;
import com.edgecloud.client.api.InstancesApi;
import com.edgecloud.client.api.LocalApi;
import com.edgecloud.client.api.PaymentsApi;
import com.edgecloud.client.model.Problem;
import com.edgecloud.client.model.LocalTokenRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The generated client pointed at one local server, as a user of it would set it up: the native
 * library has no bearer support of its own, so each caller's client adds its token to every
 * request (the document's global bearer scheme). Tokens come from the document's own
 * {@code issueLocalToken} (tag local), through the same client.
 */
final class GeneratedClients {

    private final URI base;

    GeneratedClients(URI base) {
        this.base = base;
    }

    /** No token: the public catalog, the local routes and the signed payment callback. */
    ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString());
        return client;
    }

    ApiClient as(String accountId, String... roles) throws ApiException {
        String token = local().issueLocalToken(new LocalTokenRequest().sub(accountId).roles(List.of(roles))).getToken();
        ApiClient client = anonymous();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    LocalApi local() {
        return new LocalApi(anonymous());
    }

    CatalogApi catalog() {
        return new CatalogApi(anonymous());
    }

    PaymentsApi payments() {
        return new PaymentsApi(anonymous());
    }

    static AdminApi admin(ApiClient client) {
        return new AdminApi(client);
    }

    static AccountApi account(ApiClient client) {
        return new AccountApi(client);
    }

    static InstancesApi instances(ApiClient client) {
        return new InstancesApi(client);
    }

    /** Every mutating call sends one (S9): a retry with it answers the first answer. */
    static String idempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /** The refusal's body, read with the generated model: the document says every 4xx is a Problem. */
    static Problem problemOf(ApiException refused) throws JsonProcessingException {
        return ApiClient.createDefaultObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    }
}
