package com.edgecloud.billing.metering;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.LifecycleChange;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import com.edgecloud.billing.metering.UsageBilling.Billed;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.wallet.WalletMovements.Commit;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One transaction of an account's usage bills (G2, G3), as it is planned: the wallet paying them,
 * each instance's change, the instances done with, and the transaction items they take.
 */
final class UsageBatch {

    private final WalletPlan wallet;
    private final List<LifecycleChange> changes = new ArrayList<>();
    private final Set<String> finished = new LinkedHashSet<>();
    private int items = 1; // the wallet
    private Billed billed = Billed.NONE;

    UsageBatch(Account account, Instant now) {
        this.wallet = new WalletPlan(account, now);
    }

    WalletPlan wallet() {
        return wallet;
    }

    List<LifecycleChange> changes() {
        return changes;
    }

    /**
     * Worst case for an instance: its hours, their ledger entries, the instance, a notification; and
     * one more item kept for the account's low-balance warning (G7).
     */
    boolean hasRoomFor(int hours) {
        return changes.isEmpty() || items + 3 + 2 * hours <= UsageBilling.MAX_ITEMS;
    }

    /** The instances as this batch leaves them, by id. */
    Map<String, Instance> changedInstances() {
        return changes.stream().map(LifecycleChange::after)
                .collect(Collectors.toMap(Instance::id, Function.identity(), (a, b) -> b));
    }

    /** N2: an account-level notification (G7), written with the batch's last change. */
    void notify(OutboxMessage message) {
        LifecycleChange last = changes.remove(changes.size() - 1);
        List<OutboxMessage> messages = new ArrayList<>(last.messages());
        messages.add(message);
        changes.add(new LifecycleChange(last.after(), last.bills(), messages, last.returnsStock()));
        items++;
    }

    /** An instance with nothing (more) due: dropped from the account's remaining ones at commit. */
    void finish(String instanceId) {
        finished.add(instanceId);
    }

    /** {@code change}'s bills, {@code ledgerEntries} of them paid with an entry, {@code overdue} (0 or 1). */
    void add(LifecycleChange change, int ledgerEntries, int overdue) {
        changes.add(change);
        items += change.items() + ledgerEntries;
        billed = billed.plus(new Billed(change.bills().size(), ledgerEntries, overdue, 0));
    }

    /** Commits the batch in one transaction (nothing when nothing was due), then drops the finished instances. */
    Commit<Billed> commit(LifecycleStore store, KnownInstances known, Set<String> remaining) {
        Billed result = changes.isEmpty() ? billed : billed.plus(new Billed(0, 0, 0, 1));
        return () -> {
            if (!changes.isEmpty()) {
                known.commit(() -> store.commit(changes, wallet.change()), changes);
            }
            remaining.removeAll(finished);
            return result;
        };
    }
}
