package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.edgecloud.billing.notify.Delivery;
import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.DeliveryStatus;
import com.edgecloud.billing.notify.NotificationType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of the Deliveries table (N2), keyed by {@code id} (a hash of notification, channel and
 * receiver). Two sparse indexes: while a delivery is unfinished (PENDING, or SENDING under a
 * claim's lease) it carries {@code retryBucket} and {@code nextAttemptAt} (RetryIndex); while it
 * is parked FAILED it carries {@code failedBucket} (FailedIndex, by {@code updatedAt}). The
 * buckets follow from the status, so an item written by the schema has them exactly then; the
 * claim and the ends of an attempt are update expressions that set and remove them to match.
 * {@code leaseToken} is set by a claim only; {@code createdBy} by the create that wrote the item.
 */
final class DeliveryItems {

    /** The one partition of RetryIndex. */
    static final String RETRY = "RETRY";
    /** The one partition of FailedIndex. */
    static final String FAILED = "FAILED";

    private static final ItemSchema<Delivery> S = ItemSchema.of(Delivery.class);
    static final Column<String> ID = S.text("id", Delivery::id, primaryPartitionKey());
    static final Column<String> NOTIFICATION = S.text("notificationId", Delivery::notificationId);
    static final Column<NotificationType> TYPE = S.enumerated("type", NotificationType.class, Delivery::type);
    static final Column<String> ACCOUNT = S.text("accountId", Delivery::accountId);
    static final Column<String> INSTANCE = S.text("instanceId", Delivery::instanceId);
    static final Column<Integer> DAYS_BEFORE = S.integer("daysBefore", Delivery::daysBefore);
    static final Column<DeliveryChannel> CHANNEL = S.enumerated("channel", DeliveryChannel.class, Delivery::channel);
    static final Column<String> RECEIVER = S.text("receiverId", Delivery::receiverId);
    static final Column<String> TO = S.text("to", Delivery::to);
    static final Column<String> TITLE = S.text("title", Delivery::title);
    static final Column<String> BODY = S.text("body", Delivery::body);
    static final Column<Instant> NOTIFICATION_CREATED_AT = S.instant("notificationCreatedAt",
            Delivery::notificationCreatedAt);
    static final Column<DeliveryStatus> STATUS = S.enumerated("status", DeliveryStatus.class, Delivery::status);
    static final Column<Integer> ATTEMPTS = S.integer("attempts", Delivery::attempts);
    static final Column<String> LAST_ERROR = S.text("lastError", Delivery::lastError);
    static final Column<String> RETRY_BUCKET = S.text("retryBucket", d -> unfinished(d.status()) ? RETRY : null,
            secondaryPartitionKey(Tables.DELIVERIES_RETRY));
    static final Column<Instant> NEXT_ATTEMPT_AT = S.instant("nextAttemptAt", Delivery::nextAttemptAt,
            secondarySortKey(Tables.DELIVERIES_RETRY));
    static final Column<String> FAILED_BUCKET = S.text("failedBucket",
            d -> d.status() == DeliveryStatus.FAILED ? FAILED : null, secondaryPartitionKey(Tables.DELIVERIES_FAILED));
    static final Column<Instant> UPDATED_AT = S.instant("updatedAt", Delivery::updatedAt,
            secondarySortKey(Tables.DELIVERIES_FAILED));
    /** The claim holding it (SENDING); not part of {@link Delivery}, so a put never writes one. */
    static final Column<String> LEASE_TOKEN = S.text("leaseToken", d -> null);
    /** The create call that wrote it, so that call knows its own write when the SDK retries it. */
    static final Column<String> CREATED_BY = S.text("createdBy", d -> null);

    static final TableSchema<Delivery> SCHEMA = S.build(row -> new Delivery(row.get(ID), row.get(NOTIFICATION),
            row.get(TYPE), row.get(ACCOUNT), row.get(INSTANCE), row.get(DAYS_BEFORE), row.get(CHANNEL),
            row.get(RECEIVER), row.get(TO), row.get(TITLE), row.get(BODY), row.get(NOTIFICATION_CREATED_AT),
            row.get(STATUS), row.get(ATTEMPTS, 0), row.get(LAST_ERROR), row.get(NEXT_ATTEMPT_AT), row.get(UPDATED_AT)));

    /** The key of an item in FailedIndex: the table's key and the index's. */
    static final List<String> FAILED_KEY = List.of(ID.name(), FAILED_BUCKET.name(), UPDATED_AT.name());

    /** A delivery is created once, however often its outbox record is seen. */
    static final Expression IS_NEW = Expression.builder().expression("attribute_not_exists(" + ID.name() + ")").build();

    private DeliveryItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Key.builder().partitionValue(id).build().keyMap(SCHEMA, TableMetadata.primaryIndexName());
    }

    private static boolean unfinished(DeliveryStatus status) {
        return status == DeliveryStatus.PENDING || status == DeliveryStatus.SENDING;
    }
}
