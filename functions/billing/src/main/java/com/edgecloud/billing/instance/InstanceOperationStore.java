package com.edgecloud.billing.instance;

import com.edgecloud.billing.idempotency.IdempotentCompletion;

public interface InstanceOperationStore {

    /**
     * Writes {@code changed} over its version together with the operation's record and, when the
     * caller gave an Idempotency-Key, its answer ({@code completion}, else null), in one
     * transaction. Throws {@link com.edgecloud.billing.ConcurrentUpdateException} when the
     * instance moved since read.
     */
    void commit(Instance changed, OperationRecord record, IdempotentCompletion completion);
}
