package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.OperationRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public final class DynamoOperationRepository implements OperationRepository {

    private final DynamoDbTable<OperationWrites.Stored> operations;

    public DynamoOperationRepository(DynamoDbClient dynamo, TableNames tables) {
        this.operations = new TypedTables(dynamo, tables).operations();
    }

    @Override
    public Page<OperationRecord> list(String instanceId, int limit, String nextToken) {
        Page<OperationWrites.Stored> page = PartitionPages.of(operations, instanceId, false, limit, nextToken);
        return new Page<>(page.items().stream().map(OperationWrites.Stored::record).toList(), page.nextToken());
    }
}
