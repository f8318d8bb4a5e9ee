package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotencyStore;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Idempotency records on DynamoDB conditional writes. A claim takes the key with a lease
 * (so a crashed request's key becomes usable again); the answer is stored in the same
 * transaction as the request's effects, under the condition that the lease is still ours.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public Claim claim(String key, String requestHash, Instant now) {
        String token = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                dynamo.putItem(r -> r.tableName(tables.idempotency())
                        .item(Attr.item()
                                .s("key", key).s("requestHash", requestHash).s("status", IN_PROGRESS).s("token", token)
                                .n("leaseUntil", now.plus(LEASE).getEpochSecond())
                                .n(Tables.IDEMPOTENCY_TTL, now.plus(RETENTION).getEpochSecond())
                                .build())
                        // TTL deletes late, so an expired record counts as absent; so does an abandoned lease.
                        .conditionExpression("attribute_not_exists(#key) OR #ttl < :now"
                                + " OR (#status = :inProgress AND leaseUntil < :now AND requestHash = :hash)")
                        .expressionAttributeNames(Map.of("#key", "key", "#ttl", Tables.IDEMPOTENCY_TTL, "#status", "status"))
                        .expressionAttributeValues(Map.of(":now", Attr.n(now.getEpochSecond()),
                                ":inProgress", Attr.s(IN_PROGRESS), ":hash", Attr.s(requestHash))));
                return new Claim.Acquired(key, token);
            } catch (ConditionalCheckFailedException taken) {
                Map<String, AttributeValue> existing = dynamo.getItem(r -> r.tableName(tables.idempotency())
                        .key(key(key)).consistentRead(true)).item();
                if (existing == null || existing.isEmpty()) {
                    continue; // released meanwhile: claim again
                }
                Item record = new Item(existing);
                if (!requestHash.equals(record.s("requestHash"))) {
                    return new Claim.Mismatch();
                }
                if (COMPLETED.equals(record.s("status"))) {
                    return new Claim.Replay(record.integer("responseStatus"), record.s("responseBody"));
                }
                return new Claim.InProgress();
            }
        }
        return new Claim.InProgress();
    }

    /** Adds the answer to a transaction: it commits only if the lease is still ours. */
    void completeWithin(Transaction tx, IdempotentCompletion completion) {
        tx.add(TransactWriteItem.builder().update(update(completion)).build(), DynamoIdempotencyStore::leaseLost);
    }

    @Override
    public void release(String key, String token) {
        try {
            // Only a claim still in progress: once the answer is stored with the request's effects,
            // a failure after that commit must keep it, so that a retry completes the request
            // instead of doing it again.
            dynamo.deleteItem(r -> r.tableName(tables.idempotency()).key(key(key))
                    .conditionExpression("#token = :token AND #status = :inProgress")
                    .expressionAttributeNames(Map.of("#token", "token", "#status", "status"))
                    .expressionAttributeValues(Map.of(":token", Attr.s(token), ":inProgress", Attr.s(IN_PROGRESS))));
        } catch (ConditionalCheckFailedException notOurs) {
            // someone else holds the key now, or our answer is stored: nothing to release
        }
    }

    private Update update(IdempotentCompletion c) {
        return Update.builder()
                .tableName(tables.idempotency()).key(key(c.key()))
                .updateExpression("SET #status = :completed, responseStatus = :code, responseBody = :body REMOVE leaseUntil")
                .conditionExpression("#token = :token AND #status = :inProgress")
                .expressionAttributeNames(Map.of("#status", "status", "#token", "token"))
                .expressionAttributeValues(Map.of(":completed", Attr.s(COMPLETED), ":code", Attr.n(c.status()),
                        ":body", Attr.s(c.body()), ":token", Attr.s(c.token()), ":inProgress", Attr.s(IN_PROGRESS)))
                .build();
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("key", Attr.s(key));
    }

    private static BillingException leaseLost() {
        return new BillingException(ErrorCode.REQUEST_IN_PROGRESS,
                "This request took too long and another attempt with the same Idempotency-Key took over.");
    }
}
