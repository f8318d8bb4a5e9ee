package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.lifecycle.InstanceOperation;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.time.ApiTime;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Items of the Operations table: partition {@code instanceId}, sort key
 * {@code <at>#<instance version the operation wrote>}. Every operation writes the instance under
 * its version in the same transaction, so the version orders an instance's operations exactly
 * even when several share a second (a frozen clock), and no two can have the same key.
 * Any operation (renewal, power, delete) records itself with {@link #add}.
 */
public final class OperationWrites {


    private OperationWrites() {
    }

    /**
     * Adds the record of an operation to the transaction that writes {@code changed} (the instance
     * as read, changed, written over {@code changed.version()} by {@link InstanceItems#versionedPut}).
     */
    static void add(Transaction tx, TableNames tables, OperationRecord record, Instance changed) {
        tx.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.operations())
                .item(item(record, changed.next().version()))
                .conditionExpression("attribute_not_exists(sk)").build()).build(),
                () -> new com.edgecloud.billing.ConcurrentUpdateException("operation " + record.id() + " exists"));
    }

    static Map<String, AttributeValue> item(OperationRecord r, long instanceVersion) {
        return Attr.item()
                .s("instanceId", r.instanceId()).s("sk", ApiTime.storage(r.at()) + "#" + String.format("%012d", instanceVersion))
                .s("id", r.id()).s("accountId", r.accountId()).instant("at", r.at())
                .s("operation", r.operation()).s("by", r.by())
                .s("powerStateFrom", r.powerStateFrom()).s("powerStateTo", r.powerStateTo())
                .build();
    }

    static OperationRecord toRecord(Item item) {
        return new OperationRecord(item.s("id"), item.s("instanceId"), item.s("accountId"), item.instant("at"),
                item.enumValue("operation", InstanceOperation.class), item.s("by"),
                item.enumValue("powerStateFrom", PowerState.class), item.enumValue("powerStateTo", PowerState.class));
    }
}
