package com.edgecloud.billing.metering;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.lifecycle.LifecycleChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instances of one account's billing as last known: as the due page brought them (the index is
 * eventually consistent and may lag a write) or as this billing itself last wrote them. Bills are
 * committed under the version known (A4); when a commit fails on a condition (an instance or the
 * wallet moved), every instance is read again, consistently, for the next attempt. So a run reads an
 * instance only when what it knew was stale (issue 19), and never bills from a stale copy.
 */
final class KnownInstances {

    private final InstanceRepository repository;
    private final List<String> ids;
    /** By id; absent: to be read. */
    private final Map<String, Instance> known = new HashMap<>();

    private KnownInstances(InstanceRepository repository, List<String> ids) {
        this.repository = repository;
        this.ids = ids;
    }

    /** Instances known by id only: each read on first use. */
    static KnownInstances toRead(List<String> ids, InstanceRepository repository) {
        return new KnownInstances(repository, List.copyOf(ids));
    }

    /** Instances as a due page brought them. */
    static KnownInstances seen(List<Instance> seen, InstanceRepository repository) {
        List<String> ids = new ArrayList<>();
        KnownInstances known = new KnownInstances(repository, ids);
        for (Instance instance : seen) {
            ids.add(instance.id());
            known.known.put(instance.id(), instance);
        }
        return known;
    }

    List<String> ids() {
        return ids;
    }

    /** The instance as last known, read consistently when it is not known (empty: it is gone). */
    Optional<Instance> current(String id) {
        Instance instance = known.get(id);
        if (instance != null) {
            return Optional.of(instance);
        }
        Optional<Instance> read = repository.find(id);
        read.ifPresent(i -> known.put(id, i));
        return read;
    }

    /**
     * Runs {@code write}, the transaction of {@code changes}; after it, each changed instance is
     * known at the version written. When the transaction finds anything moved, nothing is known any
     * more and the exception goes on to the wallet-movement path, which plans again.
     */
    void commit(Runnable write, List<LifecycleChange> changes) {
        try {
            write.run();
        } catch (ConcurrentUpdateException moved) {
            known.clear();
            throw moved;
        }
        for (LifecycleChange change : changes) {
            known.put(change.after().id(), change.after().next());
        }
    }
}
