package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.OperationRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public final class DynamoOperationRepository implements OperationRepository {

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoOperationRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public Page<OperationRecord> list(String instanceId, int limit, String nextToken) {
        return PartitionPages.of(dynamo, tables.operations(), instanceId, false, limit, nextToken,
                OperationWrites::toRecord);
    }
}
