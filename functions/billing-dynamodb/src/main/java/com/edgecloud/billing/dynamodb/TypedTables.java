package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.notify.Delivery;
import com.edgecloud.billing.notify.InSiteMessage;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.payment.Payment;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Our tables as the enhanced client's {@link DynamoDbTable}s, each with its static schema. The
 * client carries no extensions: every condition is one we write (see docs/tables.md), so nothing
 * adds or drops one behind our back.
 */
final class TypedTables {

    private final DynamoDbClient dynamo;
    private final DynamoDbEnhancedClient enhanced;
    private final TableNames names;

    TypedTables(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).extensions(List.of()).build();
        this.names = names;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    DynamoDbEnhancedClient enhanced() {
        return enhanced;
    }

    TableNames names() {
        return names;
    }

    DynamoDbTable<Instance> instances() {
        return enhanced.table(names.instances(), InstanceItems.SCHEMA);
    }

    DynamoDbTable<Term> terms() {
        return enhanced.table(names.terms(), TermItems.SCHEMA);
    }

    DynamoDbTable<OperationWrites.Stored> operations() {
        return enhanced.table(names.operations(), OperationWrites.SCHEMA);
    }

    DynamoDbTable<Bill> bills() {
        return enhanced.table(names.bills(), BillItems.SCHEMA);
    }

    /**
     * Reads and condition checks only: an account item carries more than an {@link Account}
     * (see {@link DynamoAccountRepository}).
     */
    DynamoDbTable<Account> accounts() {
        return enhanced.table(names.accounts(), AccountItems.SCHEMA);
    }

    DynamoDbTable<WalletItems.StoredEntry> wallet() {
        return enhanced.table(names.wallet(), WalletItems.SCHEMA);
    }

    DynamoDbTable<Payment> payments() {
        return enhanced.table(names.payments(), PaymentItems.SCHEMA);
    }

    DynamoDbTable<InSiteMessage> messages() {
        return enhanced.table(names.messages(), MessageItems.SCHEMA);
    }

    /** The account item's unread-message counter. Read only: a put would replace the whole account item. */
    DynamoDbTable<MessageItems.Unread> unreadMessages() {
        return enhanced.table(names.accounts(), MessageItems.UNREAD_SCHEMA);
    }

    DynamoDbTable<Delivery> deliveries() {
        return enhanced.table(names.deliveries(), DeliveryItems.SCHEMA);
    }

    /** The account item's message settings. Read only: a put would replace the whole account item. */
    DynamoDbTable<MessageSettingsItems.Stored> messageSettings() {
        return enhanced.table(names.accounts(), MessageSettingsItems.SCHEMA);
    }

    /** The Catalog table's node items (partition {@code NODES}). */
    DynamoDbTable<Node> nodes() {
        return enhanced.table(names.catalog(), NodeItems.SCHEMA);
    }

    /** The Catalog table's spec items (partition {@code NODE#<nodeId>}), each with its operator version. */
    DynamoDbTable<CatalogRepository.Seen> specs() {
        return enhanced.table(names.catalog(), SpecItems.SCHEMA);
    }

    DynamoDbTable<OrderItems.Stored> orders() {
        return enhanced.table(names.orders(), OrderItems.SCHEMA);
    }

    DynamoDbTable<OutboxMessage> outbox() {
        return enhanced.table(names.outbox(), OutboxItems.SCHEMA);
    }

    DynamoDbTable<IdempotencyItems.Stored> idempotency() {
        return enhanced.table(names.idempotency(), IdempotencyItems.SCHEMA);
    }
}
