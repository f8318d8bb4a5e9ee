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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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
        this.wallet = new WalletWrites(tables);
        this.idempotency = idempotency;
    }

    @Override
    public Optional<Payment> find(String paymentId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tables.payments())
                .key(PaymentItems.key(paymentId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PaymentItems.toPayment(new Item(item)));
    }

    @Override
    public void open(Payment payment, IdempotentCompletion completion) {
        Transaction tx = new Transaction();
        idempotency.completeWithin(tx, completion);
        tx.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.payments())
                .item(PaymentItems.payment(payment)).conditionExpression("attribute_not_exists(paymentId)")
                .build()).build(), () -> new IllegalStateException("payment exists"));
        tx.execute(dynamo);
    }

    @Override
    public void settle(Settlement s) {
        Transaction tx = new Transaction();
        tx.add(putPayment(s.confirmed(), s.from()), () -> moved("payment " + s.confirmed().paymentId()));
        wallet.add(tx, s.wallet());
        if (s.order() != null) {
            putOrder(tx, s.order());
            OutboxItems.add(tx, typed, s.notification(), () -> new IllegalStateException("outbox message exists"));
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
        tx.add(putPayment(pending.failed(), PaymentStatus.PENDING), () -> moved("payment " + pending.paymentId()));
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
        return typed.orders().index(Tables.ORDERS_DUE).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortLessThanOrEqualTo(k -> k
                                .partitionValue(OrderItems.PENDING_PAYMENT_BUCKET)
                                .sortValue(OrderItems.DUE_AT.value(now))))
                        .limit(Math.max(1, Math.min(limit, 100))).build())
                .stream().flatMap(page -> page.items().stream()).limit(limit).map(OrderItems.Stored::order)
                .filter(order -> order.status() == OrderStatus.PENDING_PAYMENT).toList();
    }

    /** P2: the order CANCELLED (leaving OrdersDue) and its held stock returned, if it is still waiting. */
    private void addCancellation(Transaction tx, Order pendingOrder) {
        putOrder(tx, pendingOrder.cancelled());
        SpecItems.returnStock(tx, typed, pendingOrder.nodeId(), pendingOrder.specId(), pendingOrder.quantity(),
                () -> new IllegalStateException("spec of order " + pendingOrder.id() + " is gone"));
    }

    private boolean stillWaiting(String orderId) {
        OrderItems.Stored stored = typed.orders().getItem(r -> r.key(OrderItems.key(orderId)).consistentRead(true));
        return stored != null && stored.order().status() == OrderStatus.PENDING_PAYMENT;
    }

    /** The order as it becomes, only if it still waits for its payment. */
    private void putOrder(Transaction tx, Order next) {
        tx.put(typed.orders(), new OrderItems.Stored(next), OrderItems.STILL_WAITING, () -> moved("order " + next.id()));
    }

    /** The payment as it becomes, only if its status is still {@code from}. */
    private TransactWriteItem putPayment(Payment next, PaymentStatus from) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tables.payments())
                .item(PaymentItems.payment(next))
                .conditionExpression("#status = :from")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":from", Attr.s(from.name())))
                .build()).build();
    }

    private static ConcurrentUpdateException moved(String what) {
        return new ConcurrentUpdateException(what + " moved since read");
    }
}
