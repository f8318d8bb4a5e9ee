package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.edgecloud.billing.notify.InSiteMessage;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.billing.time.ApiTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Items of the Messages table (N3): partition {@code accountId}, sort key
 * {@code <createdAt>#<id>}, so a reverse query lists an account's messages newest first; the
 * ById local index finds one by id within its account. The account item keeps the
 * {@code unreadMessages} counter ({@link Unread}), moved in the transaction that writes a
 * message or marks it read.
 */
final class MessageItems {

    private static final ItemSchema<InSiteMessage> S = ItemSchema.of(InSiteMessage.class);
    static final Column<String> ACCOUNT = S.text("accountId", InSiteMessage::accountId, primaryPartitionKey());
    static final Column<String> SK = S.text("sk", m -> ApiTime.storage(m.createdAt()) + "#" + m.id(), primarySortKey());
    static final Column<String> ID = S.text("id", InSiteMessage::id, secondarySortKey(Tables.MESSAGES_BY_ID));
    static final Column<NotificationType> TYPE = S.enumerated("type", NotificationType.class, InSiteMessage::type);
    static final Column<String> INSTANCE = S.text("instanceId", InSiteMessage::instanceId);
    static final Column<Integer> DAYS_BEFORE = S.integer("daysBefore", InSiteMessage::daysBefore);
    static final Column<Instant> CREATED_AT = S.instant("createdAt", InSiteMessage::createdAt);
    static final Column<String> TITLE = S.text("title", InSiteMessage::title);
    static final Column<String> BODY = S.text("body", InSiteMessage::body);
    static final Column<Boolean> READ = S.bool("read", InSiteMessage::read);

    static final TableSchema<InSiteMessage> SCHEMA = S.build(row -> new InSiteMessage(row.get(ID), row.get(ACCOUNT),
            row.get(TYPE), row.get(INSTANCE), row.get(DAYS_BEFORE), row.get(CREATED_AT), row.get(TITLE),
            row.get(BODY), row.get(READ, false)));

    /** The table's key: what a page token of an account's messages carries. */
    static final List<String> KEY = List.of(ACCOUNT.name(), SK.name());

    /** A message's key follows from its delivery's, so a retry after a crash finds it written. */
    static final Expression IS_NEW = Expression.builder().expression("attribute_not_exists(" + SK.name() + ")").build();

    /**
     * The account item's unread counter, as this side reads it. Only ever read through the
     * enhanced client, never put: a put of it would replace the whole account item.
     */
    record Unread(String accountId, Long count) {
    }

    private static final ItemSchema<Unread> U = ItemSchema.of(Unread.class);
    static final Column<String> UNREAD_ACCOUNT = U.text("accountId", Unread::accountId, primaryPartitionKey());
    static final Column<Long> UNREAD = U.number("unreadMessages", Unread::count);
    static final TableSchema<Unread> UNREAD_SCHEMA = U.build(row -> new Unread(row.get(UNREAD_ACCOUNT),
            row.get(UNREAD, 0L)));

    private MessageItems() {
    }

    /** Adds a new message to a transaction; {@code whenExists}: what the message already written means. */
    static void add(Transaction tx, TypedTables tables, InSiteMessage message, Supplier<RuntimeException> whenExists) {
        tx.put(tables.messages(), message, IS_NEW, whenExists);
    }

    /** {@code read = true} on the stored {@code message}, only while it is unread. */
    static TransactWriteItem markRead(TypedTables tables, InSiteMessage message) {
        return TransactWriteItem.builder().update(Update.builder().tableName(tables.messages().tableName())
                .key(SCHEMA.itemToMap(message, KEY))
                .updateExpression("SET #r = :t").conditionExpression("#r = :f")
                .expressionAttributeNames(Map.of("#r", READ.name()))
                .expressionAttributeValues(Map.of(":t", READ.value(true), ":f", READ.value(false))).build()).build();
    }

    /** Moves the account's unread counter by {@code delta} (an ADD: no condition, created at the first message). */
    static TransactWriteItem unreadBy(TypedTables tables, String accountId, long delta) {
        DynamoDbTable<Unread> accounts = tables.unreadMessages();
        return TransactWriteItem.builder().update(Update.builder().tableName(accounts.tableName())
                .key(Key.builder().partitionValue(accountId).build()
                        .keyMap(accounts.tableSchema(), TableMetadata.primaryIndexName()))
                .updateExpression("ADD " + UNREAD.name() + " :d")
                .expressionAttributeValues(Map.of(":d", UNREAD.value(delta))).build()).build();
    }
}
