package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.OperationRepository;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

public final class DynamoOperationRepository implements OperationRepository {

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoOperationRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public Page<OperationRecord> list(String instanceId, int limit, String nextToken) {
        QueryResponse page = dynamo.query(QueryRequest.builder()
                .tableName(tables.operations())
                .keyConditionExpression("instanceId = :i")
                .expressionAttributeValues(Map.of(":i", Attr.s(instanceId)))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(PageToken.fetchSize(limit))
                .exclusiveStartKey(PageToken.decode(nextToken, "instanceId", instanceId, OperationWrites.PAGE_KEY))
                .build());
        return PageToken.page(page.items(), limit, OperationWrites.PAGE_KEY,
                item -> OperationWrites.toRecord(new Item(item)));
    }
}
