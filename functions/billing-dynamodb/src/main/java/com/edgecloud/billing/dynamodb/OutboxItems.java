package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.billing.notify.OutboxMessage;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of the Outbox table (N2): each written once, in the transaction of the change it tells of;
 * the table's stream (NEW_IMAGE) carries the same item to dispatch, which reads it back with
 * {@link #fromImage}.
 */
public final class OutboxItems {

    private static final ItemSchema<OutboxMessage> S = ItemSchema.of(OutboxMessage.class);
    static final Column<String> ID = S.text("id", OutboxMessage::id, primaryPartitionKey());
    static final Column<NotificationType> TYPE = S.enumerated("type", NotificationType.class, OutboxMessage::type);
    static final Column<String> ACCOUNT = S.text("accountId", OutboxMessage::accountId);
    static final Column<String> INSTANCE = S.text("instanceId", OutboxMessage::instanceId);
    static final Column<String> ORDER = S.text("orderId", OutboxMessage::orderId);
    static final Column<Integer> DAYS_BEFORE = S.integer("daysBefore", OutboxMessage::daysBefore);
    static final Column<Instant> CREATED_AT = S.instant("createdAt", OutboxMessage::createdAt);
    static final Column<Money> AMOUNT = S.fen("amountFen", OutboxMessage::amount);
    static final Column<Instant> UNTIL = S.instant("until", OutboxMessage::until);

    static final TableSchema<OutboxMessage> SCHEMA = S.build(row -> new OutboxMessage(row.get(ID), row.get(TYPE),
            row.get(ACCOUNT), row.get(INSTANCE), row.get(ORDER), row.get(DAYS_BEFORE), row.get(CREATED_AT),
            row.get(AMOUNT), row.get(UNTIL)));

    private static final Expression IS_NEW = Expression.builder()
            .expression("attribute_not_exists(" + ID.name() + ")").build();

    private OutboxItems() {
    }

    /** An Outbox item (a stream record's NEW_IMAGE) back into its message. */
    public static OutboxMessage fromImage(Map<String, AttributeValue> image) {
        return SCHEMA.mapToItem(image);
    }

    /** Adds the message to a transaction, written once; {@code whenExists}: what one already there means. */
    static void add(Transaction tx, TypedTables tables, OutboxMessage message, Supplier<RuntimeException> whenExists) {
        tx.put(tables.outbox(), message, IS_NEW, whenExists);
    }
}
