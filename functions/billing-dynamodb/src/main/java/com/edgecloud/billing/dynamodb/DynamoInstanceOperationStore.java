package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceOperationStore;
import com.edgecloud.billing.instance.OperationRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An owner operation in one transaction: the instance over its version, the record, the answer if keyed. */
public final class DynamoInstanceOperationStore implements InstanceOperationStore {

    private final TypedTables tables;
    private final DynamoIdempotencyStore idempotency;

    public DynamoInstanceOperationStore(DynamoDbClient dynamo, TableNames tables, DynamoIdempotencyStore idempotency) {
        this.tables = new TypedTables(dynamo, tables);
        this.idempotency = idempotency;
    }

    @Override
    public void commit(Instance changed, OperationRecord record, IdempotentCompletion completion) {
        Transaction tx = new Transaction();
        if (completion != null) {
            idempotency.completeWithin(tx, completion);
        }
        InstanceItems.versionedPut(tx, tables, changed);
        OperationWrites.add(tx, tables, record, changed);
        tx.execute(tables);
    }
}
