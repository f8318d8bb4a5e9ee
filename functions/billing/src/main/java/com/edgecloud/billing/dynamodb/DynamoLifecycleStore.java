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
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The sweeps' storage: a query of the sparse DueIndex ({@code dueBucket = b AND dueAt <= now}),
 * and each transition as one TransactWriteItems (instance under its version, bills written once,
 * wallet under its version, outbox messages written once, stock returned).
 */
public final class DynamoLifecycleStore implements LifecycleStore {

    private static final List<String> PAGE_KEY = List.of("instanceId", "dueBucket", "dueAt");

    private final DynamoDbClient dynamo;
    private final TableNames tables;
    private final WalletWrites wallet;
    private final DynamoIdempotencyStore idempotency;

    public DynamoLifecycleStore(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.wallet = new WalletWrites(tables);
        this.idempotency = new DynamoIdempotencyStore(dynamo, tables);
    }

    @Override
    public Page<Instance> due(String bucket, java.time.Instant now, int limit, String nextToken) {
        QueryResponse page = dynamo.query(QueryRequest.builder()
                .tableName(tables.instances())
                .indexName(Tables.INSTANCES_DUE)
                .keyConditionExpression("dueBucket = :b AND dueAt <= :now")
                .expressionAttributeValues(Map.of(":b", Attr.s(bucket), ":now", Attr.s(ApiTime.storage(now))))
                .limit(PageToken.fetchSize(limit))
                .exclusiveStartKey(PageToken.decode(nextToken, "dueBucket", bucket, PAGE_KEY))
                .build());
        return PageToken.page(page.items(), limit, PAGE_KEY, item -> InstanceItems.toInstance(new Item(item)));
    }

    @Override
    public void commit(List<LifecycleChange> changes, WalletChange walletChange, IdempotentCompletion answer,
                       OperationRecord operation) {
        Transaction tx = new Transaction();
        if (answer != null) {
            idempotency.completeWithin(tx, answer);
        }
        if (operation != null) {
            OperationWrites.add(tx, tables, operation, changes.get(0).after());
        }
        if (walletChange != null) {
            wallet.add(tx, walletChange);
        }
        for (LifecycleChange change : changes) {
            Instance after = change.after();
            tx.add(TransactWriteItem.builder().put(InstanceItems.versionedPut(tables.instances(), after)).build(),
                    () -> new ConcurrentUpdateException("instance " + after.id() + " changed since read"));
            for (Bill bill : change.bills()) {
                tx.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.bills())
                                .item(BillItems.item(bill)).conditionExpression("attribute_not_exists(sk)").build()).build(),
                        () -> new ConcurrentUpdateException("bill " + bill.id() + " exists"));
            }
            for (OutboxMessage message : change.messages()) {
                tx.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.outbox())
                                .item(OrderItems.outbox(message)).conditionExpression("attribute_not_exists(id)").build()).build(),
                        () -> new ConcurrentUpdateException("outbox message " + message.id() + " exists"));
            }
            if (change.returnsStock()) {
                // C2: a released server goes back to its spec's stock.
                tx.add(TransactWriteItem.builder().update(Update.builder().tableName(tables.catalog())
                        .key(DynamoCatalogRepository.specKey(after.nodeId(), after.specId()))
                        .updateExpression("SET stock = stock + :one")
                        .conditionExpression("attribute_exists(stock)")
                        .expressionAttributeValues(Map.of(":one", Attr.n(1))).build()).build(),
                        () -> new IllegalStateException("spec " + after.specId() + " is gone"));
            }
        }
        if (tx.size() > Transaction.MAX_ITEMS) {
            throw new IllegalArgumentException(tx.size() + " items do not fit one transaction");
        }
        tx.execute(dynamo);
    }
}
