package com.edgecloud.billing.lifecycle;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * E3, E4, E5: the expiry sweep over the EXPIRY buckets. Each transition is one transaction under
 * the instance's version; one that lost to a concurrent writer (another run, a renewal) reads the
 * instance again and decides anew, so two runs end in the state one run would.
 */
public final class ExpirySweepRun {

    private static final int MAX_ATTEMPTS = 5;
    /** expire then release, when a run is more than 7 days late. */
    private static final int MAX_STEPS = 4;

    private final LifecycleStore store;
    private final InstanceRepository instances;

    public ExpirySweepRun(LifecycleStore store, InstanceRepository instances) {
        this.store = store;
        this.instances = instances;
    }

    public record Result(int read, int changed, boolean stoppedEarly) {
    }

    public Result run(List<String> buckets, Instant now, BooleanSupplier timeLeft) {
        int[] changed = {0};
        DueSweep.Swept swept = DueSweep.run(store, buckets, now, timeLeft,
                page -> page.forEach(instance -> changed[0] += sweep(instance, now)));
        return new Result(swept.read(), changed[0], swept.stoppedEarly());
    }

    public static List<String> allBuckets() {
        return Due.buckets(Due.Kind.EXPIRY);
    }

    /** Applies every step due at {@code now}; returns how many were committed. */
    int sweep(Instance fromIndex, Instant now) {
        Instance instance = fromIndex;
        int committed = 0;
        for (int attempt = 1, steps = 0; steps < MAX_STEPS; ) {
            Optional<LifecycleChange> change = ExpirySweep.step(instance, now);
            if (change.isEmpty()) {
                return committed;
            }
            try {
                store.commit(List.of(change.get()), null);
                committed++;
                steps++;
                instance = change.get().after().next();
            } catch (ConcurrentUpdateException moved) {
                if (++attempt > MAX_ATTEMPTS) {
                    throw moved;
                }
                Optional<Instance> fresh = instances.find(instance.id());
                if (fresh.isEmpty()) {
                    return committed;
                }
                instance = fresh.get();
            }
        }
        return committed;
    }
}
