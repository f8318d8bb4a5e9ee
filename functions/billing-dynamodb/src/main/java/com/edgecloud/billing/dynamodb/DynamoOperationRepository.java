package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.OperationRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public final class DynamoOperationRepository implements OperationRepository {

    private final TypedTables typed;

    public DynamoOperationRepository(DynamoDbClient dynamo, TableNames tables) {
        this.typed = new TypedTables(dynamo, tables);
    }

    @Override
    public Page<OperationRecord> list(String instanceId, int limit, String nextToken) {
        Page<OperationWrites.Stored> page = PartitionPages.of(typed.operations(), instanceId, false, limit, nextToken);
        return new Page<>(page.items().stream().map(OperationWrites.Stored::record).toList(), page.nextToken());
    }
}
