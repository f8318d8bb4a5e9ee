package com.edgecloud.billing.instance;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.lifecycle.InstanceOperation;
import com.edgecloud.billing.lifecycle.PowerState;
import java.time.Instant;

/**
 * An accepted owner operation (SPEC §11), written in the same transaction as the instance it
 * changed; one that changed nothing (start while running) is recorded too.
 */
public record OperationRecord(String id, String instanceId, String accountId, Instant at, InstanceOperation operation,
                              String by, PowerState powerStateFrom, PowerState powerStateTo) {

    /** The record of {@code operation} by {@code by} taking the instance from {@code before} to {@code after}. */
    public static OperationRecord of(InstanceOperation operation, Instance before, Instance after, String by,
                                     Instant at) {
        return new OperationRecord(Ids.next("op"), before.id(), before.accountId(), at, operation, by,
                before.powerState(), after.powerState());
    }
}
