package com.edgecloud.billing.purchase;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.wallet.WalletChange;
import java.util.List;

/**
 * Everything a paid purchase writes, decided before anything is written: the store commits
 * it all or nothing. {@code wallet} charges the order (P2, A3), or for pay-by-configuration
 * only checks that the wallet G1 read has not moved.
 * A THIRD_PARTY order (P2) is PENDING_PAYMENT: no instance, no charge, no notification yet, and
 * its {@code payment} is written with it; {@code payment} is null for a BALANCE order.
 */
public record PurchasePlan(Order order, List<Instance> instances, WalletChange wallet, OutboxMessage notification,
                           Payment payment) {

    public PurchasePlan {
        instances = List.copyOf(instances);
    }

    public boolean pendingPayment() {
        return order.status() == OrderStatus.PENDING_PAYMENT;
    }
}
