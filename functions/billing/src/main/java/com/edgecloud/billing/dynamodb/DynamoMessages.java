package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.notify.InSiteMessage;
import com.edgecloud.billing.notify.NotificationType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * N3: in-site messages (Messages table, {@code accountId} / {@code <createdAt>#<id>}, newest
 * first). The account item keeps {@code unreadMessages}, moved in the same transaction as the
 * message written or marked read, so the count is one GetItem and never drifts.
 */
public final class DynamoMessages {

    static final String UNREAD = "unreadMessages";
    private static final List<String> KEY = List.of("accountId", "sk");

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoMessages(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    public Page<InSiteMessage> list(String accountId, int limit, String nextToken) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(tables.messages())
                .keyConditionExpression("accountId = :a")
                .expressionAttributeValues(Map.of(":a", Attr.s(accountId)))
                .scanIndexForward(false).consistentRead(true).limit(PageToken.fetchSize(limit));
        Map<String, AttributeValue> start = PageToken.decode(nextToken, "accountId", accountId, KEY);
        if (start != null) {
            query.exclusiveStartKey(start);
        }
        return PageToken.page(dynamo.query(query.build()).items(), limit, KEY, m -> toMessage(new Item(m)));
    }

    public long unreadCount(String accountId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(tables.accounts())
                .key(DynamoAccountRepository.key(accountId)).consistentRead(true).projectionExpression(UNREAD)
                .build()).item();
        return item == null ? 0 : Math.max(0, new Item(item).n(UNREAD, 0));
    }

    /** The caller's own message by id (another account's is empty: a 404). */
    public Optional<InSiteMessage> find(String accountId, String messageId) {
        return findItem(accountId, messageId).map(m -> toMessage(new Item(m)));
    }

    /** Marks it read; reading it again changes nothing. Empty when the account has no such message. */
    public Optional<InSiteMessage> markRead(String accountId, String messageId) {
        Optional<Map<String, AttributeValue>> found = findItem(accountId, messageId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        InSiteMessage message = toMessage(new Item(found.get()));
        if (!message.read()) {
            Transaction tx = new Transaction();
            tx.add(TransactWriteItem.builder().update(Update.builder().tableName(tables.messages())
                    .key(Map.of("accountId", Attr.s(accountId), "sk", found.get().get("sk")))
                    .updateExpression("SET #r = :t").conditionExpression("#r = :f")
                    .expressionAttributeNames(Map.of("#r", "read"))
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true),
                            ":f", AttributeValue.fromBool(false))).build()).build(), AlreadyRead::new);
            tx.add(unreadBy(accountId, -1), () -> new IllegalStateException("unexpected condition"));
            try {
                tx.execute(dynamo);
            } catch (AlreadyRead concurrentlyRead) {
                // another request marked it read first: the counter moved once
            }
        }
        return Optional.of(new InSiteMessage(message.id(), accountId, message.type(), message.instanceId(),
                message.daysBefore(), message.createdAt(), message.title(), message.body(), true));
    }

    TransactWriteItem put(InSiteMessage m) {
        Map<String, AttributeValue> item = Attr.item().s("accountId", m.accountId()).s("sk", sortKey(m))
                .s("id", m.id()).s("type", m.type()).s("instanceId", m.instanceId()).n("daysBefore", m.daysBefore())
                .instant("createdAt", m.createdAt()).s("title", m.title()).s("body", m.body())
                .bool("read", m.read()).build();
        return TransactWriteItem.builder().put(Put.builder().tableName(tables.messages()).item(item)
                .conditionExpression("attribute_not_exists(sk)").build()).build();
    }

    TransactWriteItem unreadBy(String accountId, int delta) {
        return TransactWriteItem.builder().update(Update.builder().tableName(tables.accounts())
                .key(DynamoAccountRepository.key(accountId)).updateExpression("ADD " + UNREAD + " :d")
                .expressionAttributeValues(Map.of(":d", Attr.n(delta))).build()).build();
    }

    private Optional<Map<String, AttributeValue>> findItem(String accountId, String messageId) {
        List<Map<String, AttributeValue>> items = dynamo.query(QueryRequest.builder().tableName(tables.messages())
                .indexName(Tables.MESSAGES_BY_ID).keyConditionExpression("accountId = :a AND id = :i")
                .expressionAttributeValues(Map.of(":a", Attr.s(accountId), ":i", Attr.s(messageId)))
                .consistentRead(true).build()).items();
        return items.stream().findFirst();
    }

    private static String sortKey(InSiteMessage m) {
        return com.edgecloud.billing.time.ApiTime.storage(m.createdAt()) + "#" + m.id();
    }

    private static InSiteMessage toMessage(Item i) {
        return new InSiteMessage(i.s("id"), i.s("accountId"), i.enumValue("type", NotificationType.class),
                i.s("instanceId"), i.integer("daysBefore"), i.instant("createdAt"), i.s("title"), i.s("body"),
                i.bool("read"));
    }

    static final class AlreadyRead extends RuntimeException {
        AlreadyRead() {
            super("already read", null, false, false);
        }
    }
}
