package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.Page;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.lifecycle.LifecycleChange;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.time.ApiTime;
import com.edgecloud.billing.wallet.WalletChange;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * The sweeps' storage: a query of the sparse DueIndex ({@code dueBucket = b AND dueAt <= now}),
 * and each transition as one TransactWriteItems (instance under its version, bills written once,
 * wallet under its version, outbox messages written once, stock returned).
 */
public final class DynamoLifecycleStore implements LifecycleStore {

    private final TypedTables typed;
    private final WalletWrites wallet;
    private final DynamoIdempotencyStore idempotency;

    public DynamoLifecycleStore(DynamoDbClient dynamo, TableNames tables) {
        this.typed = new TypedTables(dynamo, tables);
        this.wallet = new WalletWrites(typed);
        this.idempotency = new DynamoIdempotencyStore(dynamo, tables);
    }

    @Override
    public Page<Instance> due(String bucket, Instant now, int limit, String nextToken) {
        DynamoDbTable<Instance> instances = typed.instances();
        List<Instance> fetched = PageToken.firstPage(instances.index(Tables.INSTANCES_DUE).query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortLessThanOrEqualTo(
                        k -> k.partitionValue(bucket).sortValue(ApiTime.storage(now))))
                .limit(PageToken.fetchSize(limit))
                .exclusiveStartKey(PageToken.decode(nextToken, InstanceItems.DUE_BUCKET.name(), bucket, InstanceItems.DUE_KEY))
                .build()));
        return PageToken.page(fetched, limit, instances.tableSchema(), InstanceItems.DUE_KEY);
    }

    @Override
    public void commit(List<LifecycleChange> changes, WalletChange walletChange, IdempotentCompletion answer,
                       OperationRecord operation) {
        Transaction tx = new Transaction();
        if (answer != null) {
            idempotency.completeWithin(tx, answer);
        }
        if (operation != null) {
            OperationWrites.add(tx, typed, operation, changes.get(0).after());
        }
        if (walletChange != null) {
            wallet.add(tx, walletChange);
        }
        for (LifecycleChange change : changes) {
            Instance after = change.after();
            InstanceItems.versionedPut(tx, typed, after);
            for (Bill bill : change.bills()) {
                tx.put(typed.bills(), bill, BillItems.IS_NEW, () -> new ConcurrentUpdateException("bill " + bill.id() + " exists"));
            }
            for (OutboxMessage message : change.messages()) {
                OutboxItems.add(tx, typed, message,
                        () -> new ConcurrentUpdateException("outbox message " + message.id() + " exists"));
            }
            if (change.returnsStock()) {
                // C2: a released server goes back to its spec's stock.
                SpecItems.returnStock(tx, typed, after.nodeId(), after.specId(), 1,
                        () -> new IllegalStateException("spec " + after.specId() + " is gone"));
            }
        }
        if (tx.size() > Transaction.MAX_ITEMS) {
            throw new IllegalArgumentException(tx.size() + " items do not fit one transaction");
        }
        tx.execute(typed);
    }
}
