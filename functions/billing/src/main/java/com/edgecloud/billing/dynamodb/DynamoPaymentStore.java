package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.payment.PaymentStatus;
import com.edgecloud.billing.payment.PaymentStore;
import com.edgecloud.billing.payment.Settlement;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.time.ApiTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Payments and their order transitions, each one TransactWriteItems whose payment and order
 * items are conditioned on the status read: a duplicate callback, or a callback racing the
 * cancellation sweep, finds the condition false and changes nothing.
 */
public final class DynamoPaymentStore implements PaymentStore {

    private final DynamoDbClient dynamo;
    private final TableNames tables;
    private final TypedTables typed;
    private final WalletWrites wallet;
    private final DynamoIdempotencyStore idempotency;

    public DynamoPaymentStore(DynamoDbClient dynamo, TableNames tables, DynamoIdempotencyStore idempotency) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.typed = new TypedTables(dynamo, tables);
        this.wallet = new WalletWrites(typed);
        this.idempotency = idempotency;
    }

    @Override
    public Optional<Payment> find(String paymentId) {
        return Optional.ofNullable(typed.payments().getItem(r -> r.key(k -> k.partitionValue(paymentId))
                .consistentRead(true)));
    }

    @Override
    public void open(Payment payment, IdempotentCompletion completion) {
        Transaction tx = new Transaction();
        idempotency.completeWithin(tx, completion);
        tx.put(typed.payments(), payment, PaymentItems.IS_NEW, () -> new IllegalStateException("payment exists"));
        tx.execute(typed);
    }

    @Override
    public void settle(Settlement s) {
        Transaction tx = new Transaction();
        putPayment(tx, s.confirmed(), s.from());
        wallet.add(tx, s.wallet());
        if (s.order() != null) {
            tx.add(putOrder(s.order()), () -> moved("order " + s.order().id()));
            tx.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.outbox())
                    .item(OrderItems.outbox(s.notification())).conditionExpression("attribute_not_exists(id)")
                    .build()).build(), () -> new IllegalStateException("outbox message exists"));
        }
        List<Instance> all = s.instances();
        int fits = s.order() == null ? 0 : OrderInstances.addFitting(tx, typed, s.order(), all, 0);
        tx.execute(typed);
        // As a balance purchase: the rest right after; their ids are in the PAID order, so a replay completes them.
        if (fits < all.size()) {
            OrderInstances.writeMissing(typed, s.order(), all.subList(fits, all.size()));
        }
    }

    @Override
    public void fail(Payment pending, Order pendingOrder) {
        Transaction tx = new Transaction();
        putPayment(tx, pending.failed(), PaymentStatus.PENDING);
        if (pendingOrder != null) {
            addCancellation(tx, pendingOrder);
        }
        tx.execute(typed);
    }

    @Override
    public boolean cancel(Order pendingOrder) {
        Transaction tx = new Transaction();
        addCancellation(tx, pendingOrder);
        try {
            tx.execute(typed);
            return true;
        } catch (ConcurrentUpdateException paidOrCancelledMeanwhile) {
            return stillWaiting(pendingOrder.id()) && cancel(pendingOrder); // a mere transaction conflict: again
        }
    }

    @Override
    public List<Order> unpaidDue(Instant now, int limit) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(tables.orders()).indexName(Tables.ORDERS_DUE)
                        .keyConditionExpression("dueBucket = :b AND dueAt <= :now")
                        .expressionAttributeValues(Map.of(":b", Attr.s(OrderItems.PENDING_PAYMENT_BUCKET),
                                ":now", Attr.s(ApiTime.storage(now))))
                        .limit(Math.max(1, Math.min(limit, 100))).build())
                .items().stream().limit(limit).map(item -> OrderItems.toOrder(new Item(item)))
                .filter(order -> order.status() == OrderStatus.PENDING_PAYMENT).toList();
    }

    /** P2: the order CANCELLED (leaving OrdersDue) and its held stock returned, if it is still waiting. */
    private void addCancellation(Transaction tx, Order pendingOrder) {
        tx.add(putOrder(pendingOrder.cancelled()), () -> moved("order " + pendingOrder.id()));
        tx.add(TransactWriteItem.builder().update(Update.builder().tableName(tables.catalog())
                .key(DynamoCatalogRepository.specKey(pendingOrder.nodeId(), pendingOrder.specId()))
                .updateExpression("SET stock = stock + :q")
                .conditionExpression("attribute_exists(stock)")
                .expressionAttributeValues(Map.of(":q", Attr.n(pendingOrder.quantity())))
                .build()).build(), () -> new IllegalStateException("spec of order " + pendingOrder.id() + " is gone"));
    }

    private boolean stillWaiting(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tables.orders())
                .key(Map.of("orderId", Attr.s(orderId))).consistentRead(true)).item();
        return item != null && OrderStatus.PENDING_PAYMENT.name().equals(new Item(item).s("status"));
    }

    /** The order as it becomes, only if it still waits for its payment. */
    private TransactWriteItem putOrder(Order next) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tables.orders()).item(OrderItems.order(next))
                .conditionExpression("#status = :waiting")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":waiting", Attr.s(OrderStatus.PENDING_PAYMENT.name())))
                .build()).build();
    }

    /** The payment as it becomes, only if its status is still {@code from}. */
    private void putPayment(Transaction tx, Payment next, PaymentStatus from) {
        tx.put(typed.payments(), next, PaymentItems.statusIs(from), () -> moved("payment " + next.paymentId()));
    }

    private static ConcurrentUpdateException moved(String what) {
        return new ConcurrentUpdateException(what + " moved since read");
    }
}
