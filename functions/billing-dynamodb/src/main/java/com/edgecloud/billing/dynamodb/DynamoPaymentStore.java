package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.payment.PaymentStatus;
import com.edgecloud.billing.payment.PaymentStore;
import com.edgecloud.billing.payment.Settlement;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
        List<Instance> all = s.instances();
        int fits = 0;
        if (s.order() != null) {
            // The order and its outbox message come before the instances, which take what room is left.
            fits = OrderInstances.fitting(s.order(), all.size(), tx.size() + 2);
            // P2: not all instances fit, so the PAID order is due for completion, as a balance purchase is:
            // if this function dies after the commit, the expiry sweep writes the rest.
            putOrder(tx, s.order(), OrderInstances.incompleteMark(s.order(), fits, all.size()));
            OutboxItems.add(tx, typed, s.notification(), () -> new IllegalStateException("outbox message exists"));
            OrderInstances.addFitting(tx, typed, s.order(), all.subList(0, fits), 0);
        }
        tx.execute(typed);
        if (s.order() != null) {
            OrderInstances.complete(typed, s.order(), all.subList(fits, all.size()));
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
        putOrder(tx, pendingOrder.cancelled(), null);
        SpecItems.returnStock(tx, typed, pendingOrder.nodeId(), pendingOrder.specId(), pendingOrder.quantity(),
                () -> new IllegalStateException("spec of order " + pendingOrder.id() + " is gone"));
    }

    private boolean stillWaiting(String orderId) {
        OrderItems.Stored stored = typed.orders().getItem(r -> r.key(OrderItems.key(orderId)).consistentRead(true));
        return stored != null && stored.order().status() == OrderStatus.PENDING_PAYMENT;
    }

    /** The order as it becomes (with its due mark, or null), only if it still waits for its payment. */
    private void putOrder(Transaction tx, Order next, Due due) {
        tx.put(typed.orders(), new OrderItems.Stored(next, due), OrderItems.STILL_WAITING,
                () -> moved("order " + next.id()));
    }

    /** The payment as it becomes, only if its status is still {@code from}. */
    private void putPayment(Transaction tx, Payment next, PaymentStatus from) {
        tx.put(typed.payments(), next, PaymentItems.statusIs(from), () -> moved("payment " + next.paymentId()));
    }

    private static ConcurrentUpdateException moved(String what) {
        return new ConcurrentUpdateException(what + " moved since read");
    }
}
