package com.edgecloud.billing.renewal;

import com.edgecloud.billing.idempotency.IdempotentCompletion;

public interface RenewalStore {

    /**
     * Writes the plan and its idempotent answer in one transaction: only if the wallet and the
     * instance are still as read. Throws {@link com.edgecloud.billing.ConcurrentUpdateException}
     * when either moved (plan again).
     */
    void commit(RenewalPlan plan, IdempotentCompletion completion);
}
