package com.edgecloud.billing.lifecycle;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.instance.AutoRenewal;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * E3, E4, E5, R4: the expiry sweep over the EXPIRY buckets. Each transition is one transaction under
 * the instance's version; one that lost to a concurrent writer (another run, a renewal) reads the
 * instance again and decides anew, so two runs end in the state one run would.
 */
public final class ExpirySweepRun {

    private static final int MAX_ATTEMPTS = 5;
    /** expire then release, when a run is more than 7 days late. */
    private static final int MAX_STEPS = 4;

    private final LifecycleStore store;
    private final InstanceRepository instances;
    private final AutoRenewer renewer;

    public ExpirySweepRun(LifecycleStore store, InstanceRepository instances, AutoRenewer renewer) {
        this.store = store;
        this.instances = instances;
        this.renewer = renewer;
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

    /**
     * Applies every step due at {@code now}; answers the steps committed and the releases among them.
     * R4: in its auto-renewal window an instance is renewed through the renewal path first; when the
     * balance is short, the failure is this run's step instead.
     */
    Steps sweep(Instance fromIndex, Instant now) {
        Instance instance = fromIndex;
        int committed = 0;
        int released = 0;
        for (int attempt = 1; committed < MAX_STEPS; ) {
            Optional<LifecycleChange> change;
            if (AutoRenewal.actsOn(instance, now)) {
                AutoRenewer.Attempt renewal = renewer.renew(instance, now);
                if (renewal instanceof AutoRenewer.Succeeded) {
                    return new Steps(committed + 1, released);
                }
                // NotDue: the stored instance moved on (another sweep renewed it); read it again.
                change = renewal instanceof AutoRenewer.Refused refused
                        ? Optional.of(ExpirySweep.autoRenewalFailed(instance, now, refused))
                        : Optional.empty();
            } else {
                change = ExpirySweep.step(instance, now);
                if (change.isEmpty()) {
                    break;
                }
            }
            if (change.isPresent() && committed(change.get())) {
                committed++;
                if (change.get().returnsStock()) {
                    released++;
                }
                instance = change.get().after().next();
                continue;
            }
            if (++attempt > MAX_ATTEMPTS) {
                throw new ConcurrentUpdateException("instance " + instance.id() + " kept changing during the sweep");
            }
            Optional<Instance> fresh = instances.find(instance.id());
            if (fresh.isEmpty()) {
                break;
            }
            instance = fresh.get();
        }
        return new Steps(committed, released);
    }

    /** One transition in one transaction; false when the instance moved since read (decide again). */
    private boolean committed(LifecycleChange change) {
        try {
            store.commit(List.of(change), null);
            return true;
        } catch (ConcurrentUpdateException moved) {
            return false;
        }
    }
}
