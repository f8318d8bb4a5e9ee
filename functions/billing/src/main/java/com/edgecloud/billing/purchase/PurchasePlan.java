package com.edgecloud.billing.purchase;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.wallet.Charge;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.Wallet;
import java.util.List;

/**
 * Everything a paid purchase writes, decided before anything is written: the store commits
 * it all or nothing. {@code walletVersion} is the version the plan read (optimistic lock), {@code walletAfter}
 * the wallet once charged;
 * {@code charge} and {@code ledgerEntry} are null when nothing is charged (G1).
 */
public record PurchasePlan(Order order, List<Instance> instances, long walletVersion, Wallet walletAfter,
                           Charge charge, LedgerEntry ledgerEntry, OutboxMessage notification) {

    public PurchasePlan {
        instances = List.copyOf(instances);
    }
}
