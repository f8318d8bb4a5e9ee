package com.edgecloud.http;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.runtime.FunctionContexts;
import io.micronaut.context.annotation.Requires;
import io.micronaut.crac.OrderedResource;
import io.micronaut.http.HttpMethod;
import io.micronaut.json.JsonMapper;
import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * SnapStart: before Lambda snapshots an initialised function version, touch what the first
 * request would otherwise load and warm: the DynamoDB client (endpoint, signing, marshalling,
 * one round trip each through the account and catalog schemas, which also builds the enhanced
 * client's converters: schemas are otherwise built on first use), Jackson (a view each way) and
 * the router (every route matched once). The
 * restored snapshot then starts warm. Only in a context built for a snapshot
 * ({@link FunctionContexts}); micronaut-crac registers it with the CRaC context, which on a JVM
 * without CRaC (and SnapStart's org.crac is that when not snapshotting) never calls it.
 */
@Singleton
@Requires(property = FunctionContexts.SNAPSHOT, value = "true")
public class SnapStartPriming implements OrderedResource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final AccountRepository accounts;
    private final CatalogRepository catalog;
    private final JsonMapper json;
    private final Router router;

    public SnapStartPriming(AccountRepository accounts, CatalogRepository catalog, JsonMapper json, Router router) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.json = json;
        this.router = router;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to reopen: a connection kept from before the snapshot fails once and the SDK retries it.
    }

    /** Each part on its own: a failed part (no table, no network at snapshot time) must not stop the snapshot. */
    void prime() {
        try {
            accounts.find("snapstart-priming");
            catalog.node("snapstart-priming");
        } catch (SdkException e) {
            LOG.warn("SnapStart priming: DynamoDB not reached ({}); the first request will warm it", e.getMessage());
        }
        try {
            var view = Views.list(new Page<>(List.of(new Node("priming", "Priming", "none", "none", 0.0, 0.0, NodeStatus.OPEN)), null), node -> Views.node(node, null));
            json.readValue(json.writeValueAsString(view), Views.ListView.class);
        } catch (IOException e) {
            LOG.warn("SnapStart priming: JSON failed ({})", e.getMessage());
        }
        router.uriRoutes().forEach(route -> router.find(route.getHttpMethod(), route.getUriMatchTemplate().toString(), null).count());
        router.find(HttpMethod.GET, "/", null).count();
    }
}
