package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.wallet.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

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

    /**
     * Sends of a transaction answered TransactionInProgressException. The SDK retries that answer
     * as throttling, with its own back-off, only while its retry quota lasts; what escapes it is a
     * conflict, sent again a few times more, then BUSY (503, safe to retry with the same key).
     */
    static final RetryPolicy STILL_IN_PROGRESS = new RetryPolicy(3, 50, 400);

    /**
     * Runs the transaction. Under one client request token throughout, so a resend of a transaction
     * that was applied meanwhile (its answer lost, or still in progress) is answered as applied, never
     * applied twice: DynamoDB answers TransactionInProgressException while the first is still applying.
     */
    void execute(TypedTables tables) {
        if (entries.isEmpty()) {
            return;
        }
        Runnable send = request(tables, UUID.randomUUID().toString());
        for (int attempt = 1; ; attempt++) {
            try {
                send.run();
                return;
            } catch (TransactionInProgressException stillApplying) {
                STILL_IN_PROGRESS.backOffAfter(attempt, "a transaction still in progress");
            } catch (TransactionCanceledException cancelled) {
                throw translate(cancelled);
            } catch (TransactionConflictException conflict) {
                throw new ConcurrentUpdateException("transaction conflict");
            }
        }
    }

    /** The one request this transaction sends, however often. */
    private Runnable request(TypedTables tables, String token) {
        if (entries.stream().allMatch(entry -> entry.enhanced() != null)) {
            TransactWriteItemsEnhancedRequest.Builder request = TransactWriteItemsEnhancedRequest.builder()
                    .clientRequestToken(token);
            entries.forEach(entry -> entry.enhanced().accept(request));
            TransactWriteItemsEnhancedRequest built = request.build();
            return () -> tables.enhanced().transactWriteItems(built);
        }
        TransactWriteItemsRequest built = TransactWriteItemsRequest.builder().clientRequestToken(token)
                .transactItems(entries.stream().map(entry -> entry.lowLevel().get()).toList()).build();
        return () -> tables.dynamo().transactWriteItems(built);
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
