package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * One TransactWriteItems where each conditional item says what its failed condition
 * means (out of stock, wallet moved, ...), so a cancelled transaction becomes the right
 * refusal or a retry.
 */
final class Transaction {

    /** DynamoDB's limit of items in one transaction. */
    static final int MAX_ITEMS = 100;

    private final List<TransactWriteItem> items = new ArrayList<>();
    private final List<Supplier<RuntimeException>> onConditionFailed = new ArrayList<>();

    Transaction add(TransactWriteItem item, Supplier<RuntimeException> whenConditionFails) {
        items.add(item);
        onConditionFailed.add(whenConditionFails);
        return this;
    }

    int size() {
        return items.size();
    }

    void execute(DynamoDbClient dynamo) {
        if (items.isEmpty()) {
            return;
        }
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).build());
        } catch (TransactionCanceledException cancelled) {
            throw translate(cancelled);
        } catch (TransactionConflictException conflict) {
            throw new ConcurrentUpdateException("transaction conflict");
        }
    }

    private RuntimeException translate(TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size() && i < items.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                return onConditionFailed.get(i).get();
            }
        }
        // TransactionConflict (another transaction on the same item) or throttling: retry.
        return new ConcurrentUpdateException("transaction cancelled: " + reasons);
    }
}
