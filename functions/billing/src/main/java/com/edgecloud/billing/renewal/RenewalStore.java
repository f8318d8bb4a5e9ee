package com.edgecloud.billing.renewal;

import com.edgecloud.billing.idempotency.IdempotentCompletion;

public interface RenewalStore {

    /**
     * Writes the plan and its idempotent answer (null for the sweep's renewal, R4, which has no
     * request) in one transaction: only if the wallet and the instance are still as read. Throws
     * {@link com.edgecloud.billing.ConcurrentUpdateException} when either moved (plan again), or
     * when the plan's notification (its id fixed per term) is written already.
     */
    void commit(RenewalPlan plan, IdempotentCompletion completion);
}
