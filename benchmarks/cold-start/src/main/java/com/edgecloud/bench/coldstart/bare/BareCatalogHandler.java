package com.edgecloud.bench.coldstart.bare;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.edgecloud.billing.Page;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.http.Views;

/** CatalogFunction without a framework: GET /catalog/nodes. */
public class BareCatalogHandler extends BareHttp {

    private final DynamoCatalogRepository catalog = new DynamoCatalogRepository(dynamo, tables);

    @Override
    protected Object handle(APIGatewayV2HTTPEvent event) {
        return Views.list(new Page<>(catalog.nodes(), null), node -> Views.node(node, null));
    }
}
