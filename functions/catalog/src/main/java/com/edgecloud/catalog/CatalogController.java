package com.edgecloud.catalog;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.http.Views;
import com.edgecloud.http.Views.ListView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

/** C1, C2: the public catalog of edge nodes and their server specifications. */
@Controller("/catalog")
public class CatalogController {

    private final CatalogRepository catalog;

    public CatalogController(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    @Get("/nodes")
    public ListView<Views.NodeView> nodes() {
        return Views.list(new Page<>(catalog.nodes(), null), Views::node);
    }

    @Get("/nodes/{nodeId}/specs")
    public ListView<Views.SpecView> specs(@PathVariable String nodeId) {
        catalog.node(nodeId).orElseThrow(() -> BillingException.notFound("node " + nodeId));
        return Views.list(new Page<>(catalog.specs(nodeId), null), Views::spec);
    }
}
