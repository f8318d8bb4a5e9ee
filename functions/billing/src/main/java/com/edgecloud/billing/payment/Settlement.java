package com.edgecloud.billing.payment;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.wallet.WalletChange;
import java.util.List;

/**
 * Everything a successful payment writes in one transaction (A4, A5, P2): the payment moved from
 * {@code from} to SUCCEEDED (its condition makes a replay or a concurrent duplicate change nothing),
 * the wallet's credit (and, for an order still waiting, its cash-only charge), and for that order:
 * PAID, its instances and the ORDER_PAID message. {@code order} is null for a plain recharge.
 */
public record Settlement(Payment confirmed, PaymentStatus from, WalletChange wallet, Order order,
                         List<Instance> instances, OutboxMessage notification) {

    public Settlement {
        instances = List.copyOf(instances);
    }
}
