package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.notify.InSiteMessage;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * N3: in-site messages (Messages table, {@code accountId} / {@code <createdAt>#<id>}, newest
 * first). The account item keeps {@code unreadMessages}, moved in the same transaction as the
 * message written or marked read, so the count is one GetItem and never drifts.
 */
public final class DynamoMessages {

    private final TypedTables tables;

    public DynamoMessages(DynamoDbClient dynamo, TableNames tables) {
        this.tables = new TypedTables(dynamo, tables);
    }

    public Page<InSiteMessage> list(String accountId, int limit, String nextToken) {
        List<InSiteMessage> fetched = PageToken.firstPage(tables.messages().query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(accountId)))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(PageToken.fetchSize(limit))
                .exclusiveStartKey(PageToken.decode(nextToken, MessageItems.ACCOUNT.name(), accountId, MessageItems.KEY))
                .build()));
        return PageToken.page(fetched, limit, tables.messages().tableSchema(), MessageItems.KEY);
    }

    public long unreadCount(String accountId) {
        MessageItems.Unread item = tables.unreadMessages().getItem(r -> r.key(k -> k.partitionValue(accountId)).consistentRead(true));
        return item == null ? 0 : Math.max(0, item.count());
    }

    /** The caller's own message by id (another account's is empty: a 404). */
    public Optional<InSiteMessage> find(String accountId, String messageId) {
        return PageToken.firstPage(tables.messages().index(Tables.MESSAGES_BY_ID).query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(accountId).sortValue(messageId)))
                .consistentRead(true)
                .build())).stream().findFirst();
    }

    /** Marks it read; reading it again changes nothing. Empty when the account has no such message. */
    public Optional<InSiteMessage> markRead(String accountId, String messageId) {
        Optional<InSiteMessage> found = find(accountId, messageId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        InSiteMessage message = found.get();
        if (!message.read()) {
            Transaction tx = new Transaction();
            tx.add(MessageItems.markRead(tables, message), AlreadyRead::new);
            tx.add(MessageItems.unreadBy(tables, accountId, -1), () -> new IllegalStateException("unexpected condition"));
            try {
                tx.execute(tables);
            } catch (AlreadyRead concurrentlyRead) {
                // another request marked it read first: the counter moved once
            }
        }
        return Optional.of(new InSiteMessage(message.id(), accountId, message.type(), message.instanceId(),
                message.daysBefore(), message.createdAt(), message.title(), message.body(), true));
    }

    static final class AlreadyRead extends RuntimeException {
        AlreadyRead() {
            super("already read", null, false, false);
        }
    }
}
