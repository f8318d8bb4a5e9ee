package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.InstanceOperation;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.time.ApiTime;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Items of the Operations table: partition {@code instanceId}, sort key
 * {@code <at>#<instance version the operation wrote>}. Every operation writes the instance under
 * its version in the same transaction, so the version orders an instance's operations exactly
 * even when several share a second (a frozen clock), and no two can have the same key.
 * Any operation (renewal, power, delete) records itself with {@link #add}.
 */
final class OperationWrites {

    /** A record as stored: with the version of the instance its operation wrote, for the sort key. */
    record Stored(OperationRecord record, long instanceVersion) {
    }

    private static final ItemSchema<Stored> S = ItemSchema.of(Stored.class);
    static final Column<String> INSTANCE = S.text("instanceId", s -> s.record().instanceId(), primaryPartitionKey());
    static final Column<String> SK = S.text("sk",
            s -> ApiTime.storage(s.record().at()) + "#" + String.format("%012d", s.instanceVersion()), primarySortKey());
    static final Column<String> ID = S.text("id", s -> s.record().id());
    static final Column<String> ACCOUNT = S.text("accountId", s -> s.record().accountId());
    static final Column<Instant> AT = S.instant("at", s -> s.record().at());
    static final Column<InstanceOperation> OPERATION = S.enumerated("operation", InstanceOperation.class,
            s -> s.record().operation());
    static final Column<String> BY = S.text("by", s -> s.record().by());
    static final Column<PowerState> FROM = S.enumerated("powerStateFrom", PowerState.class,
            s -> s.record().powerStateFrom());
    static final Column<PowerState> TO = S.enumerated("powerStateTo", PowerState.class, s -> s.record().powerStateTo());

    /** Read back with the version of its key, so a page's token names the record's real key. */
    static final TableSchema<Stored> SCHEMA = S.build(row -> new Stored(new OperationRecord(row.get(ID),
            row.get(INSTANCE), row.get(ACCOUNT), row.get(AT), row.get(OPERATION), row.get(BY), row.get(FROM),
            row.get(TO)), Long.parseLong(row.get(SK).substring(row.get(SK).lastIndexOf('#') + 1))));

    private static final Expression IS_NEW = Expression.builder()
            .expression("attribute_not_exists(" + SK.name() + ")").build();

    private OperationWrites() {
    }

    /**
     * Adds the record of an operation to the transaction that writes {@code changed} (the instance
     * as read, changed, written over {@code changed.version()} by {@link InstanceItems#versionedPut}).
     */
    static void add(Transaction tx, TypedTables tables, OperationRecord record, Instance changed) {
        tx.put(tables.operations(), new Stored(record, changed.next().version()), IS_NEW,
                () -> new ConcurrentUpdateException("operation " + record.id() + " exists"));
    }
}
