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

    /** {@code released}: servers this run released (E3), of the {@code changed} transitions. */
    public record Result(int read, int changed, int released, boolean stoppedEarly) {
    }

    public Result run(List<String> buckets, Instant now, BooleanSupplier timeLeft) {
        Tally tally = new Tally();
        DueSweep.Swept swept = DueSweep.run(store, buckets, now, timeLeft,
                page -> page.forEach(instance -> tally.add(sweep(instance, now))));
        return new Result(swept.read(), tally.committed, tally.released, swept.stoppedEarly());
    }

    /** What one instance's sweep committed: its steps, and whether one of them released it (E3). */
    record Steps(int committed, int released) {
    }

    /** The steps of a run, summed over its instances. */
    private static final class Tally {
        private int committed;
        private int released;

        void add(Steps steps) {
            committed += steps.committed();
            released += steps.released();
        }
    }

    public static List<String> allBuckets() {
        return Due.buckets(Due.Kind.EXPIRY);
    }

    /** Applies every step due at {@code now}; answers the steps committed and the releases among them. */
    Steps sweep(Instance fromIndex, Instant now) {
        Instance instance = fromIndex;
        int committed = 0;
        int released = 0;
        for (int attempt = 1; committed < MAX_STEPS; ) {
            Optional<LifecycleChange> change = ExpirySweep.step(instance, now);
            if (change.isEmpty()) {
                break;
            }
            try {
                store.commit(List.of(change.get()), null);
                committed++;
                if (change.get().returnsStock()) {
                    released++;
                }
                instance = change.get().after().next();
            } catch (ConcurrentUpdateException moved) {
                if (++attempt > MAX_ATTEMPTS) {
                    throw moved;
                }
                Optional<Instance> fresh = instances.find(instance.id());
                if (fresh.isEmpty()) {
                    break;
                }
                instance = fresh.get();
            }
        }
        return new Steps(committed, released);
    }
}
