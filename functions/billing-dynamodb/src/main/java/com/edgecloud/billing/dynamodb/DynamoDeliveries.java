package com.edgecloud.billing.dynamodb;

import static com.edgecloud.billing.dynamodb.DeliveryItems.ATTEMPTS;
import static com.edgecloud.billing.dynamodb.DeliveryItems.CREATED_BY;
import static com.edgecloud.billing.dynamodb.DeliveryItems.FAILED_BUCKET;
import static com.edgecloud.billing.dynamodb.DeliveryItems.ID;
import static com.edgecloud.billing.dynamodb.DeliveryItems.LAST_ERROR;
import static com.edgecloud.billing.dynamodb.DeliveryItems.LEASE_TOKEN;
import static com.edgecloud.billing.dynamodb.DeliveryItems.NEXT_ATTEMPT_AT;
import static com.edgecloud.billing.dynamodb.DeliveryItems.RETRY_BUCKET;
import static com.edgecloud.billing.dynamodb.DeliveryItems.STATUS;
import static com.edgecloud.billing.dynamodb.DeliveryItems.UPDATED_AT;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.notify.Delivery;
import com.edgecloud.billing.notify.DeliveryStatus;
import com.edgecloud.billing.notify.InSiteMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * N2: the Deliveries table, one item per (notification, channel, receiver), keyed by a hash of
 * the three, so it is created once however often the outbox record is seen. Sending takes a
 * claim first ({@code SENDING} with a lease token, on system time): of two dispatchers only one
 * gets it. Two sparse indexes: {@code RetryIndex} ({@code retryBucket}/{@code nextAttemptAt}),
 * present while a delivery is not finished, so a sweep finds what is due; {@code FailedIndex}
 * ({@code failedBucket}/{@code updatedAt}), present while it is parked FAILED, for operators.
 * The claim and the ends of an attempt are update expressions (a counter, removed index keys),
 * with the attribute names and values of {@link DeliveryItems}.
 */
public final class DynamoDeliveries {

    /** An attempt ended: counted, and when. */
    private static final String ATTEMPT_ENDED = "SET #s = :st, " + ATTEMPTS.name() + " = " + ATTEMPTS.name()
            + " + :one, " + UPDATED_AT.name() + " = :now";
    /** Finished: out of RetryIndex, and the claim released. */
    private static final String OUT_OF_RETRIES = RETRY_BUCKET.name() + ", " + NEXT_ATTEMPT_AT.name() + ", "
            + LEASE_TOKEN.name();
    private static final String SENT = ATTEMPT_ENDED + " REMOVE " + OUT_OF_RETRIES;

    private final TypedTables tables;

    public DynamoDeliveries(DynamoDbClient dynamo, TableNames tables) {
        this.tables = new TypedTables(dynamo, tables);
    }

    /** Writes the delivery (PENDING, due now) unless it exists; true when this call created it. */
    public boolean create(Delivery d, Instant now) {
        Delivery pending = new Delivery(d.id(), d.notificationId(), d.type(), d.accountId(), d.instanceId(),
                d.daysBefore(), d.channel(), d.receiverId(), d.to(), d.title(), d.body(), d.notificationCreatedAt(),
                DeliveryStatus.PENDING, 0, null, now, now);
        String token = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new HashMap<>(DeliveryItems.SCHEMA.itemToMap(pending, true));
        item.put(CREATED_BY.name(), CREATED_BY.value(token));
        try {
            tables.dynamo().putItem(PutItemRequest.builder().tableName(tables.deliveries().tableName()).item(item)
                    .conditionExpression(DeliveryItems.IS_NEW.expression())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build());
            return true;
        } catch (ConditionalCheckFailedException exists) {
            // Ours when it carries our token: the SDK retried a put that was applied but whose answer was lost.
            return carries(exists, CREATED_BY.name(), token);
        }
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(tables.deliveries().getItem(r -> r.key(k -> k.partitionValue(id)).consistentRead(true)));
    }

    /**
     * Claims a due, unfinished delivery (PENDING, or SENDING whose lease is over) until
     * {@code leaseEnd}; empty when another dispatcher has it, it is not due, or it is finished.
     */
    public Optional<Delivery> claim(String id, String token, Instant now, Instant leaseEnd) {
        return claim(id, token, leaseEnd, "(#s = :pending OR #s = :sending) AND " + NEXT_ATTEMPT_AT.name() + " <= :now",
                Map.of(":pending", STATUS.value(DeliveryStatus.PENDING), ":sending",
                        STATUS.value(DeliveryStatus.SENDING), ":now", NEXT_ATTEMPT_AT.value(now)), "");
    }

    /** An operator's retry: claims a FAILED delivery, out of the failed index. */
    public Optional<Delivery> claimFailed(String id, String token, Instant leaseEnd) {
        return claim(id, token, leaseEnd, "#s = :failed",
                Map.of(":failed", STATUS.value(DeliveryStatus.FAILED)), " REMOVE " + FAILED_BUCKET.name());
    }

    private Optional<Delivery> claim(String id, String token, Instant leaseEnd, String condition,
                                     Map<String, AttributeValue> conditionValues, String remove) {
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        values.put(":sendingNew", STATUS.value(DeliveryStatus.SENDING));
        values.put(":lease", NEXT_ATTEMPT_AT.value(leaseEnd));
        values.put(":token", LEASE_TOKEN.value(token));
        values.put(":rb", RETRY_BUCKET.value(DeliveryItems.RETRY));
        try {
            return Optional.of(DeliveryItems.SCHEMA.mapToItem(tables.dynamo().updateItem(UpdateItemRequest.builder()
                    .tableName(tables.deliveries().tableName()).key(DeliveryItems.key(id))
                    // a crash mid-send leaves it due again when the lease ends
                    .updateExpression("SET #s = :sendingNew, " + NEXT_ATTEMPT_AT.name() + " = :lease, "
                            + LEASE_TOKEN.name() + " = :token, " + RETRY_BUCKET.name() + " = :rb" + remove)
                    .conditionExpression("attribute_exists(" + ID.name() + ") AND " + condition)
                    .expressionAttributeNames(Map.of("#s", STATUS.name()))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build())
                    .attributes()));
        } catch (ConditionalCheckFailedException taken) {
            // Ours when it carries our token: the SDK retried an update that was applied but whose answer was
            // lost. Anyone else's claim, or a delivery finished or not due, is not.
            return carries(taken, LEASE_TOKEN.name(), token)
                    ? Optional.of(DeliveryItems.SCHEMA.mapToItem(taken.item())) : Optional.empty();
        }
    }

    /** Whether the item a failed condition found carries {@code token} in {@code attribute}. */
    private static boolean carries(ConditionalCheckFailedException failed, String attribute, String token) {
        AttributeValue found = failed.hasItem() ? failed.item().get(attribute) : null;
        return found != null && token.equals(found.s());
    }

    /** The claim's send went out. False when the claim was lost (its lease ended and another took it). */
    public boolean markSent(String id, String token, Instant now) {
        return finish(id, token, SENT, sent(now));
    }

    /** A failed attempt to be tried again at {@code nextAttemptAt}. */
    public boolean markRetry(String id, String token, Instant now, String error, Instant nextAttemptAt) {
        return finish(id, token, ATTEMPT_ENDED + ", " + LAST_ERROR.name() + " = :e, " + NEXT_ATTEMPT_AT.name()
                + " = :next REMOVE " + LEASE_TOKEN.name(), Map.of(
                ":st", STATUS.value(DeliveryStatus.PENDING), ":now", UPDATED_AT.value(now), ":e", LAST_ERROR.value(error),
                ":next", NEXT_ATTEMPT_AT.value(nextAttemptAt)));
    }

    /** N2: parked where an operator sees it ({@code GET /admin/deliveries?status=FAILED}). */
    public boolean markFailed(String id, String token, Instant now, String error) {
        return finish(id, token, ATTEMPT_ENDED + ", " + LAST_ERROR.name() + " = :e, " + FAILED_BUCKET.name()
                + " = :fb REMOVE " + OUT_OF_RETRIES, Map.of(
                ":st", STATUS.value(DeliveryStatus.FAILED), ":now", UPDATED_AT.value(now), ":e", LAST_ERROR.value(error),
                ":fb", FAILED_BUCKET.value(DeliveryItems.FAILED)));
    }

    /**
     * An in-site delivery: the message (its key is deterministic, so it is written once), the
     * account's unread counter and the delivery's SENT, in one transaction.
     */
    public boolean deliverInSite(Delivery d, InSiteMessage message, String token, Instant now) {
        Transaction tx = new Transaction();
        MessageItems.add(tx, tables, message, MessageExists::new);
        tx.add(MessageItems.unreadBy(tables, message.accountId(), 1),
                () -> new IllegalStateException("unexpected condition"));
        tx.add(TransactWriteItem.builder().update(finishUpdate(d.id(), token, SENT, sent(now))).build(),
                LostClaim::new);
        try {
            tx.execute(tables);
            return true;
        } catch (MessageExists written) {
            return markSent(d.id(), token, now);
        } catch (LostClaim lost) {
            return false;
        }
    }

    /** Ids of unfinished deliveries due by {@code now} (system time), oldest due first. */
    public List<String> due(Instant now, int limit) {
        return PageToken.firstPage(tables.deliveries().index(Tables.DELIVERIES_RETRY).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortLessThanOrEqualTo(
                                k -> k.partitionValue(DeliveryItems.RETRY).sortValue(NEXT_ATTEMPT_AT.value(now))))
                        .attributesToProject(ID.name())
                        .limit(limit)
                        .build()))
                .stream().map(Delivery::id).toList();
    }

    /** Parked deliveries, most recently failed first. */
    public Page<Delivery> failed(int limit, String nextToken) {
        List<Delivery> fetched = PageToken.firstPage(tables.deliveries().index(Tables.DELIVERIES_FAILED)
                .query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(DeliveryItems.FAILED)))
                        .scanIndexForward(false)
                        .limit(PageToken.fetchSize(limit))
                        .exclusiveStartKey(PageToken.decode(nextToken, FAILED_BUCKET.name(), DeliveryItems.FAILED,
                                DeliveryItems.FAILED_KEY))
                        .build()));
        return PageToken.page(fetched, limit, tables.deliveries().tableSchema(), DeliveryItems.FAILED_KEY);
    }

    private static Map<String, AttributeValue> sent(Instant now) {
        return Map.of(":st", STATUS.value(DeliveryStatus.SENT), ":now", UPDATED_AT.value(now));
    }

    private boolean finish(String id, String token, String expression, Map<String, AttributeValue> values) {
        Update update = finishUpdate(id, token, expression, values);
        try {
            tables.dynamo().updateItem(UpdateItemRequest.builder().tableName(update.tableName()).key(update.key())
                    .updateExpression(update.updateExpression()).conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()).build());
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    /** The end of an attempt, only while the claim of {@code token} still holds it. */
    private Update finishUpdate(String id, String token, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":sending", STATUS.value(DeliveryStatus.SENDING));
        all.put(":token", LEASE_TOKEN.value(token));
        all.put(":one", ATTEMPTS.value(1));
        return Update.builder().tableName(tables.deliveries().tableName()).key(DeliveryItems.key(id)).updateExpression(expression)
                .conditionExpression("#s = :sending AND " + LEASE_TOKEN.name() + " = :token")
                .expressionAttributeNames(Map.of("#s", STATUS.name()))
                .expressionAttributeValues(all).build();
    }

    static final class MessageExists extends RuntimeException {
        MessageExists() {
            super("message exists", null, false, false);
        }
    }

    static final class LostClaim extends RuntimeException {
        LostClaim() {
            super("claim lost", null, false, false);
        }
    }
}
