package com.edgecloud.billing.payment;

import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.purchase.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payments and the order transitions they cause, each one conditional transaction. */
public interface PaymentStore {

    Optional<Payment> find(String paymentId);

    /** A recharge's PENDING payment, with the request's idempotent answer. */
    void open(Payment payment, IdempotentCompletion completion);

    /**
     * Commits the settlement; instances that do not fit in the transaction are written right
     * after. Throws {@link com.edgecloud.billing.ConcurrentUpdateException} when the payment, the
     * wallet or the order moved since read (plan again).
     */
    void settle(Settlement settlement);

    /**
     * PENDING → FAILED; {@code pendingOrder} (if not null) is cancelled with it and its stock
     * returned. ConcurrentUpdateException when either moved since read.
     */
    void fail(Payment pending, Order pendingOrder);

    /** PENDING_PAYMENT → CANCELLED with its stock returned; false when the order was no longer waiting. */
    boolean cancel(Order pendingOrder);

    /** Orders still waiting for their payment whose window ended at or before {@code now}, oldest first. */
    List<Order> unpaidDue(Instant now, int limit);
}
