package com.edgecloud.billing.lifecycle;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.wallet.WalletChange;
import java.time.Instant;
import java.util.List;

/** What the sweeps read and write: only due instances (a query, never a scan) and whole transitions. */
public interface LifecycleStore {

    /** One page of the instances in {@code bucket} due at or before {@code now}, earliest first. */
    Page<Instance> due(String bucket, Instant now, int limit, String nextToken);

    /**
     * Commits the changes and the wallet change (null when no money moves) in one transaction;
     * throws {@link com.edgecloud.billing.ConcurrentUpdateException} when an instance or the wallet
     * moved since read, and nothing is written.
     */
    default void commit(List<LifecycleChange> changes, WalletChange wallet) {
        commit(changes, wallet, null, null);
    }

    /**
     * The same for an owner's request: its {@code answer} (if given, SPEC §9) and the record of the
     * operation (if given, written with the first change's instance) in the same transaction.
     */
    void commit(List<LifecycleChange> changes, WalletChange wallet, IdempotentCompletion answer,
                OperationRecord operation);
}
