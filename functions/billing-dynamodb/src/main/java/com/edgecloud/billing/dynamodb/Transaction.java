package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * One TransactWriteItems where each conditional item says what its failed condition
 * means (out of stock, wallet moved, ...), so a cancelled transaction becomes the right
 * refusal or a retry.
 *
 * <p>Puts and condition checks are added typed, through a table and its schema. A transaction of
 * only those runs as the enhanced client's request; one with an update expression the enhanced
 * client cannot say (a stock delta, a wallet's new coupons) runs as the low-level request, its
 * puts built by the same schemas ({@code itemToMap}).
 */
final class Transaction {

    /** DynamoDB's limit of items in one transaction. */
    static final int MAX_ITEMS = 100;

    /**
     * One item of the transaction, kept in both of its forms until {@link #execute} picks one, so
     * an item is mapped once: by the enhanced client, or to its low-level form ({@code enhanced}
     * null: an update expression the enhanced client cannot say).
     */
    private record Entry(Supplier<TransactWriteItem> lowLevel, Consumer<TransactWriteItemsEnhancedRequest.Builder> enhanced,
                         Supplier<RuntimeException> whenConditionFails) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** An item the enhanced client cannot express (an update expression). */
    Transaction add(TransactWriteItem item, Supplier<RuntimeException> whenConditionFails) {
        entries.add(new Entry(() -> item, null, whenConditionFails));
        return this;
    }

    /** A put of {@code item} into {@code table}, only if {@code condition} holds. */
    <T> Transaction put(DynamoDbTable<T> table, T item, Expression condition,
                        Supplier<RuntimeException> whenConditionFails) {
        entries.add(new Entry(() -> TransactWriteItem.builder().put(Put.builder().tableName(table.tableName())
                        .item(table.tableSchema().itemToMap(item, true))
                        .conditionExpression(condition.expression())
                        .expressionAttributeNames(condition.expressionNames())
                        .expressionAttributeValues(condition.expressionValues()).build()).build(),
                request -> request.addPutItem(table, TransactPutItemEnhancedRequest
                        .builder(table.tableSchema().itemType().rawClass()).item(item).conditionExpression(condition).build()),
                whenConditionFails));
        return this;
    }

    /** A check that {@code condition} holds on the item of {@code key}, which is not written. */
    <T> Transaction check(DynamoDbTable<T> table, Key key, Expression condition,
                          Supplier<RuntimeException> whenConditionFails) {
        entries.add(new Entry(() -> TransactWriteItem.builder().conditionCheck(software.amazon.awssdk.services.dynamodb
                        .model.ConditionCheck.builder().tableName(table.tableName())
                        .key(key.keyMap(table.tableSchema(), TableMetadata.primaryIndexName()))
                        .conditionExpression(condition.expression())
                        .expressionAttributeNames(condition.expressionNames())
                        .expressionAttributeValues(condition.expressionValues()).build()).build(),
                request -> request.addConditionCheck(table,
                        ConditionCheck.builder().key(key).conditionExpression(condition).build()),
                whenConditionFails));
        return this;
    }

    int size() {
        return entries.size();
    }

    void execute(TypedTables tables) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            if (entries.stream().allMatch(entry -> entry.enhanced() != null)) {
                TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder();
                entries.forEach(entry -> entry.enhanced().accept(request));
                tables.enhanced().transactWriteItems(request.build());
            } else {
                tables.dynamo().transactWriteItems(TransactWriteItemsRequest.builder()
                        .transactItems(entries.stream().map(entry -> entry.lowLevel().get()).toList()).build());
            }
        } catch (TransactionCanceledException cancelled) {
            throw translate(cancelled);
        } catch (TransactionConflictException conflict) {
            throw new ConcurrentUpdateException("transaction conflict");
        }
    }

    private RuntimeException translate(TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size() && i < entries.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                return entries.get(i).whenConditionFails().get();
            }
        }
        // TransactionConflict (another transaction on the same item) or throttling: retry.
        return new ConcurrentUpdateException("transaction cancelled: " + reasons);
    }
}
