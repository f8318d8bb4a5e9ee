package com.edgecloud.bench.coldstart.bare;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.http.PageRequest;
import com.edgecloud.http.Views;

/** InstancesFunction without a framework: GET /instances (first page). */
public class BareInstancesHandler extends BareHttp {

    private final DynamoInstanceRepository instances = new DynamoInstanceRepository(dynamo, tables);

    @Override
    protected Object handle(APIGatewayV2HTTPEvent event) {
        var query = event.getQueryStringParameters();
        PageRequest page = PageRequest.of(query == null ? null : query.get("limit"), query == null ? null : query.get("nextToken"));
        return Views.list(instances.listByAccount(caller(event), page.limit(), page.nextToken()), views::instance);
    }
}
