package com.edgecloud.billing.dynamodb;

import static com.edgecloud.billing.dynamodb.IdempotencyItems.COMPLETED;
import static com.edgecloud.billing.dynamodb.IdempotencyItems.IN_PROGRESS;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotencyStore;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

    /** The claim's and the answer's condition: the lease is still ours. */
    private static final String LEASE_OURS = "#token = :token AND #status = :inProgress";

    private final TypedTables typed;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, TableNames tables) {
        this.typed = new TypedTables(dynamo, tables);
    }

    @Override
    public Claim claim(String key, String requestHash, Instant now) {
        String token = UUID.randomUUID().toString();
        IdempotencyItems.Stored claim = new IdempotencyItems.Stored(key, requestHash, IN_PROGRESS, token,
                now.plus(LEASE).getEpochSecond(), now.plus(RETENTION).getEpochSecond(), null, null);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                typed.idempotency().putItem(PutItemEnhancedRequest.builder(IdempotencyItems.Stored.class)
                        .item(claim).conditionExpression(claimable(requestHash, now)).build());
                return new Claim.Acquired(key, token);
            } catch (ConditionalCheckFailedException taken) {
                Optional<Claim> held = heldBy(key, requestHash, token);
                if (held.isPresent()) {
                    return held.get();
                }
                // released meanwhile: claim again
            }
        }
        return new Claim.InProgress();
    }

    /** TTL deletes late, so an expired record counts as absent; so does an abandoned lease of the same request. */
    private static Expression claimable(String requestHash, Instant now) {
        return Expression.builder()
                .expression("attribute_not_exists(#key) OR #ttl < :now"
                        + " OR (#status = :inProgress AND #leaseUntil < :now AND #requestHash = :hash)")
                .putExpressionName("#key", IdempotencyItems.KEY.name())
                .putExpressionName("#ttl", IdempotencyItems.EXPIRES.name())
                .putExpressionName("#status", IdempotencyItems.STATUS.name())
                .putExpressionName("#leaseUntil", IdempotencyItems.LEASE_UNTIL.name())
                .putExpressionName("#requestHash", IdempotencyItems.REQUEST_HASH.name())
                .putExpressionValue(":now", IdempotencyItems.EXPIRES.value(now.getEpochSecond()))
                .putExpressionValue(":inProgress", IdempotencyItems.STATUS.value(IN_PROGRESS))
                .putExpressionValue(":hash", IdempotencyItems.REQUEST_HASH.value(requestHash))
                .build();
    }

    /**
     * Why a claim was refused: another request's key, a replay of the stored answer, or one in progress; empty if gone.
     * A record with our own token is our claim: the SDK retried a put that was applied but whose answer was lost.
     */
    private Optional<Claim> heldBy(String key, String requestHash, String token) {
        IdempotencyItems.Stored record = typed.idempotency().getItem(r -> r.key(IdempotencyItems.key(key))
                .consistentRead(true));
        if (record == null) {
            return Optional.empty();
        }
        if (token.equals(record.token()) && IN_PROGRESS.equals(record.status())) {
            return Optional.of(new Claim.Acquired(key, token));
        }
        if (!requestHash.equals(record.requestHash())) {
            return Optional.of(new Claim.Mismatch());
        }
        if (COMPLETED.equals(record.status())) {
            return Optional.of(new Claim.Replay(record.responseStatus(), record.responseBody()));
        }
        return Optional.of(new Claim.InProgress());
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
            typed.idempotency().deleteItem(DeleteItemEnhancedRequest.builder().key(IdempotencyItems.key(key))
                    .conditionExpression(Expression.builder().expression(LEASE_OURS)
                            .expressionNames(IdempotencyItems.LEASE_NAMES)
                            .putExpressionValue(":token", IdempotencyItems.TOKEN.value(token))
                            .putExpressionValue(":inProgress", IdempotencyItems.STATUS.value(IN_PROGRESS)).build())
                    .build());
        } catch (ConditionalCheckFailedException notOurs) {
            // someone else holds the key now, or our answer is stored: nothing to release
        }
    }

    /** The answer stored over the claim: an update expression (the lease goes), so it stays low-level. */
    private Update update(IdempotentCompletion c) {
        return Update.builder()
                .tableName(typed.names().idempotency()).key(IdempotencyItems.keyMap(c.key()))
                .updateExpression("SET #status = :completed, #responseStatus = :code, #responseBody = :body"
                        + " REMOVE #leaseUntil")
                .conditionExpression(LEASE_OURS)
                .expressionAttributeNames(Map.of("#status", IdempotencyItems.STATUS.name(),
                        "#token", IdempotencyItems.TOKEN.name(),
                        "#responseStatus", IdempotencyItems.RESPONSE_STATUS.name(),
                        "#responseBody", IdempotencyItems.RESPONSE_BODY.name(),
                        "#leaseUntil", IdempotencyItems.LEASE_UNTIL.name()))
                .expressionAttributeValues(Map.of(
                        ":completed", IdempotencyItems.STATUS.value(COMPLETED),
                        ":code", IdempotencyItems.RESPONSE_STATUS.value(c.status()),
                        ":body", IdempotencyItems.RESPONSE_BODY.value(c.body()),
                        ":token", IdempotencyItems.TOKEN.value(c.token()),
                        ":inProgress", IdempotencyItems.STATUS.value(IN_PROGRESS)))
                .build();
    }

    private static BillingException leaseLost() {
        return new BillingException(ErrorCode.REQUEST_IN_PROGRESS,
                "This request took too long and another attempt with the same Idempotency-Key took over.");
    }
}
