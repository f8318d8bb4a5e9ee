package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.notify.Delivery;
import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.DeliveryStatus;
import com.edgecloud.billing.notify.InSiteMessage;
import com.edgecloud.billing.notify.NotificationType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
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
 */
public final class DynamoDeliveries {

    static final String RETRY_BUCKET = "RETRY";
    static final String FAILED_BUCKET = "FAILED";
    private static final List<String> FAILED_KEY = List.of("id", "failedBucket", "updatedAt");

    private final DynamoDbClient dynamo;
    private final TableNames tables;
    private final DynamoMessages messages;

    public DynamoDeliveries(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.messages = new DynamoMessages(dynamo, tables);
    }

    /** Writes the delivery (PENDING, due now) unless it exists; true when this call created it. */
    public boolean create(Delivery d, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.item()
                .s("id", d.id()).s("notificationId", d.notificationId()).s("type", d.type())
                .s("accountId", d.accountId()).s("instanceId", d.instanceId()).n("daysBefore", d.daysBefore())
                .s("channel", d.channel()).s("receiverId", d.receiverId()).s("to", d.to())
                .s("title", d.title()).s("body", d.body()).instant("notificationCreatedAt", d.notificationCreatedAt())
                .s("status", DeliveryStatus.PENDING).n("attempts", 0).instant("nextAttemptAt", now)
                .s("retryBucket", RETRY_BUCKET).instant("updatedAt", now).build());
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(tables.deliveries()).item(item)
                    .conditionExpression("attribute_not_exists(id)").build());
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public Optional<Delivery> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(tables.deliveries())
                .key(key(id)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toDelivery(new Item(item)));
    }

    /**
     * Claims a due, unfinished delivery (PENDING, or SENDING whose lease is over) until
     * {@code leaseEnd}; empty when another dispatcher has it, it is not due, or it is finished.
     */
    public Optional<Delivery> claim(String id, String token, Instant now, Instant leaseEnd) {
        return claim(id, token, leaseEnd, "(#s = :pending OR #s = :sending) AND nextAttemptAt <= :now",
                Map.of(":pending", Attr.s(DeliveryStatus.PENDING.name()), ":sending",
                        Attr.s(DeliveryStatus.SENDING.name()), ":now", Attr.instant(now)), "");
    }

    /** An operator's retry: claims a FAILED delivery, out of the failed index. */
    public Optional<Delivery> claimFailed(String id, String token, Instant leaseEnd) {
        return claim(id, token, leaseEnd, "#s = :failed",
                Map.of(":failed", Attr.s(DeliveryStatus.FAILED.name())), " REMOVE failedBucket");
    }

    private Optional<Delivery> claim(String id, String token, Instant leaseEnd, String condition,
                                     Map<String, AttributeValue> conditionValues, String remove) {
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        values.put(":sendingNew", Attr.s(DeliveryStatus.SENDING.name()));
        values.put(":lease", Attr.instant(leaseEnd));
        values.put(":token", Attr.s(token));
        values.put(":rb", Attr.s(RETRY_BUCKET));
        try {
            return Optional.of(toDelivery(new Item(dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(tables.deliveries()).key(key(id))
                    // a crash mid-send leaves it due again when the lease ends
                    .updateExpression("SET #s = :sendingNew, nextAttemptAt = :lease, leaseToken = :token, "
                            + "retryBucket = :rb" + remove)
                    .conditionExpression("attribute_exists(id) AND " + condition)
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW).build()).attributes())));
        } catch (ConditionalCheckFailedException taken) {
            return Optional.empty();
        }
    }

    /** The claim's send went out. False when the claim was lost (its lease ended and another took it). */
    public boolean markSent(String id, String token, Instant now) {
        return finish(id, token, "SET #s = :st, attempts = attempts + :one, updatedAt = :now "
                + "REMOVE retryBucket, nextAttemptAt, leaseToken", Map.of(
                ":st", Attr.s(DeliveryStatus.SENT.name()), ":now", Attr.instant(now)));
    }

    /** A failed attempt to be tried again at {@code nextAttemptAt}. */
    public boolean markRetry(String id, String token, Instant now, String error, Instant nextAttemptAt) {
        return finish(id, token, "SET #s = :st, attempts = attempts + :one, updatedAt = :now, lastError = :e, "
                + "nextAttemptAt = :next REMOVE leaseToken", Map.of(
                ":st", Attr.s(DeliveryStatus.PENDING.name()), ":now", Attr.instant(now), ":e", Attr.s(error),
                ":next", Attr.instant(nextAttemptAt)));
    }

    /** N2: parked where an operator sees it ({@code GET /admin/deliveries?status=FAILED}). */
    public boolean markFailed(String id, String token, Instant now, String error) {
        return finish(id, token, "SET #s = :st, attempts = attempts + :one, updatedAt = :now, lastError = :e, "
                + "failedBucket = :fb REMOVE retryBucket, nextAttemptAt, leaseToken", Map.of(
                ":st", Attr.s(DeliveryStatus.FAILED.name()), ":now", Attr.instant(now), ":e", Attr.s(error),
                ":fb", Attr.s(FAILED_BUCKET)));
    }

    /**
     * An in-site delivery: the message (its key is deterministic, so it is written once), the
     * account's unread counter and the delivery's SENT, in one transaction.
     */
    public boolean deliverInSite(Delivery d, InSiteMessage message, String token, Instant now) {
        Transaction tx = new Transaction();
        tx.add(messages.put(message), MessageExists::new);
        tx.add(messages.unreadBy(message.accountId(), 1), () -> new IllegalStateException("unexpected condition"));
        tx.add(TransactWriteItem.builder().update(finishUpdate(d.id(), token,
                "SET #s = :st, attempts = attempts + :one, updatedAt = :now "
                        + "REMOVE retryBucket, nextAttemptAt, leaseToken",
                Map.of(":st", Attr.s(DeliveryStatus.SENT.name()), ":now", Attr.instant(now)))).build(),
                LostClaim::new);
        try {
            tx.execute(dynamo);
            return true;
        } catch (MessageExists written) {
            return markSent(d.id(), token, now);
        } catch (LostClaim lost) {
            return false;
        }
    }

    /** Ids of unfinished deliveries due by {@code now} (system time), oldest due first. */
    public List<String> due(Instant now, int limit) {
        return dynamo.query(QueryRequest.builder().tableName(tables.deliveries()).indexName(Tables.DELIVERIES_RETRY)
                .keyConditionExpression("retryBucket = :b AND nextAttemptAt <= :now")
                .expressionAttributeValues(Map.of(":b", Attr.s(RETRY_BUCKET), ":now", Attr.instant(now)))
                .projectionExpression("id").limit(limit).build())
                .items().stream().map(m -> m.get("id").s()).toList();
    }

    /** Parked deliveries, most recently failed first. */
    public Page<Delivery> failed(int limit, String nextToken) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(tables.deliveries())
                .indexName(Tables.DELIVERIES_FAILED).keyConditionExpression("failedBucket = :b")
                .expressionAttributeValues(Map.of(":b", Attr.s(FAILED_BUCKET)))
                .scanIndexForward(false).limit(PageToken.fetchSize(limit));
        Map<String, AttributeValue> start = PageToken.decode(nextToken, "failedBucket", FAILED_BUCKET, FAILED_KEY);
        if (start != null) {
            query.exclusiveStartKey(start);
        }
        return PageToken.page(dynamo.query(query.build()).items(), limit, FAILED_KEY, m -> toDelivery(new Item(m)));
    }

    private boolean finish(String id, String token, String expression, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(tables.deliveries()).key(key(id))
                    .updateExpression(expression).conditionExpression("#s = :sending AND leaseToken = :token")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(finishValues(token, values)).build());
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    private Update finishUpdate(String id, String token, String expression, Map<String, AttributeValue> values) {
        return Update.builder().tableName(tables.deliveries()).key(key(id)).updateExpression(expression)
                .conditionExpression("#s = :sending AND leaseToken = :token")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(finishValues(token, values)).build();
    }

    private static Map<String, AttributeValue> finishValues(String token, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":sending", Attr.s(DeliveryStatus.SENDING.name()));
        all.put(":token", Attr.s(token));
        all.put(":one", Attr.n(1));
        return all;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", Attr.s(id));
    }

    private static Delivery toDelivery(Item i) {
        return new Delivery(i.s("id"), i.s("notificationId"), i.enumValue("type", NotificationType.class),
                i.s("accountId"), i.s("instanceId"), i.integer("daysBefore"),
                i.enumValue("channel", DeliveryChannel.class), i.s("receiverId"), i.s("to"), i.s("title"),
                i.s("body"), i.instant("notificationCreatedAt"), i.enumValue("status", DeliveryStatus.class),
                (int) i.n("attempts", 0), i.s("lastError"), i.instant("nextAttemptAt"), i.instant("updatedAt"));
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
