package com.edgecloud.billing.lifecycle;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceOperationStore;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.wallet.RetryPolicy;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * Start, stop and reinstall (E2): allowed only while NORMAL; starting a running server or
 * stopping a stopped one is accepted, changes nothing and is recorded; reinstall leaves the
 * server RUNNING. Each is written over the instance's version and retried from a fresh read,
 * so it never overwrites a concurrent renewal or operation.
 */
public final class PowerOperations {

    private final InstanceRepository instances;
    private final InstanceOperationStore store;
    private final RetryPolicy retry;
    private final Clock clock;

    public PowerOperations(InstanceRepository instances, InstanceOperationStore store, RetryPolicy retry, Clock clock) {
        this.instances = instances;
        this.store = store;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * Applies {@code operation} for {@code accountId} and answers the instance as stored after it.
     * {@code answer}, when not null, renders that instance into the idempotent answer committed with it.
     */
    public Instance apply(String accountId, String instanceId, InstanceOperation operation,
                          Function<Instance, IdempotentCompletion> answer) {
        if (!operation.isPowerOperation()) {
            throw new IllegalArgumentException(operation + " is not a power operation");
        }
        for (int attempt = 1; ; attempt++) {
            Instance before = instances.findOwned(accountId, instanceId);
            LifecycleRules.require(before.billingMethod(), before.billingState(), operation); // E2
            Instance changed = before.withPowerState(powerStateAfter(operation));
            OperationRecord record = OperationRecord.of(operation, before, changed, accountId,
                    clock.instant().truncatedTo(ChronoUnit.SECONDS));
            try {
                store.commit(changed, record, answer == null ? null : answer.apply(changed.next()));
                return changed.next();
            } catch (ConcurrentUpdateException moved) {
                retry.backOffAfter(attempt, "instance " + instanceId);
            }
        }
    }

    /** SPEC §11: start → RUNNING, stop → STOPPED, reinstall leaves it RUNNING. */
    static PowerState powerStateAfter(InstanceOperation operation) {
        return switch (operation) {
            case START, REINSTALL -> PowerState.RUNNING;
            case STOP -> PowerState.STOPPED;
            default -> throw new IllegalArgumentException(operation + " is not a power operation");
        };
    }
}
