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
}
