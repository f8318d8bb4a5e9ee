package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page of an instance's items in a table keyed (instanceId, sk): its bills, terms or
 * operations, in sort-key order or reversed; the token only pages through that instance.
 */
final class PartitionPages {

    static final List<String> KEY = List.of("instanceId", "sk");

    private PartitionPages() {
    }

    static <T> Page<T> of(DynamoDbClient dynamo, String table, String instanceId, boolean forward, int limit,
                          String nextToken, Function<Item, T> read) {
        QueryResponse page = dynamo.query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("instanceId = :i")
                .expressionAttributeValues(Map.of(":i", Attr.s(instanceId)))
                .scanIndexForward(forward)
                .consistentRead(true)
                .limit(PageToken.fetchSize(limit))
                .exclusiveStartKey(PageToken.decode(nextToken, "instanceId", instanceId, KEY))
                .build());
        return PageToken.page(page.items(), limit, KEY, (Map<String, AttributeValue> item) -> read.apply(new Item(item)));
    }
}
