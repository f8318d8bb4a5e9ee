package com.edgecloud.billing.purchase;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.wallet.WalletChange;
import java.util.List;

/**
 * Everything a paid purchase writes, decided before anything is written: the store commits
 * it all or nothing. {@code wallet} charges the order (P2, A3), or for pay-by-configuration
 * only checks that the wallet G1 read has not moved.
 */
public record PurchasePlan(Order order, List<Instance> instances, WalletChange wallet, OutboxMessage notification) {

    public PurchasePlan {
        instances = List.copyOf(instances);
    }
}
