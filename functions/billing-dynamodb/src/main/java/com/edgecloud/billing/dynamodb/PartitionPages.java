package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * One page of an instance's items in a table keyed (instanceId, sk): its bills, terms or
 * operations, in sort-key order or reversed; the token only pages through that instance.
 */
final class PartitionPages {

    static final List<String> KEY = List.of("instanceId", "sk");

    private PartitionPages() {
    }

    static <T> Page<T> of(DynamoDbTable<T> table, String instanceId, boolean forward, int limit, String nextToken) {
        List<T> fetched = PageToken.firstPage(table.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(instanceId)))
                .scanIndexForward(forward)
                .consistentRead(true)
                .limit(PageToken.fetchSize(limit))
                .exclusiveStartKey(PageToken.decode(nextToken, KEY.get(0), instanceId, KEY))
                .build()));
        return PageToken.page(fetched, limit, table.tableSchema(), KEY);
    }
}
