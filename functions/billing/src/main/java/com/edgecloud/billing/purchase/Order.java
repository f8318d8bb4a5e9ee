package com.edgecloud.billing.purchase;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.TermDuration;
import java.time.Instant;
import java.util.List;

/** A purchase of {@code quantity} servers; {@code instanceIds} are fixed when it is paid. */
public record Order(String id, String accountId, OrderStatus status, Money amount, PaymentMethod paymentMethod,
                    String paymentId, String nodeId, String specId, int quantity, BillingMethod billingMethod,
                    TermDuration duration, List<String> instanceIds, Instant createdAt, Instant paidAt) {

    public Order {
        instanceIds = List.copyOf(instanceIds);
    }

    /** P3: the first term of one of this monthly order's instances; each server costs an equal share (P2). */
    public Term firstTermOf(Instance instance) {
        return new Term(instance.id(), accountId, instance.termStartsAt(), instance.expiresAt(), duration,
                Money.ofFen(amount.fen() / quantity), id, null);
    }

    /** P2: the third-party payment confirmed at {@code at}: the instances exist from then. */
    public Order paid(List<String> paidInstanceIds, Instant at) {
        return new Order(id, accountId, OrderStatus.PAID, amount, paymentMethod, paymentId, nodeId, specId, quantity,
                billingMethod, duration, paidInstanceIds, createdAt, at);
    }

    /** P2: unpaid in time (or the payment failed): its stock goes back. */
    public Order cancelled() {
        return new Order(id, accountId, OrderStatus.CANCELLED, amount, paymentMethod, paymentId, nodeId, specId,
                quantity, billingMethod, duration, instanceIds, createdAt, paidAt);
    }
}
