package com.edgecloud.billing.instance;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.error.BillingException;
import java.util.Optional;

public interface InstanceRepository {

    Optional<Instance> find(String instanceId);

    /** SPEC §9: another account's instance answers NOT_FOUND, exactly as an unknown id does. */
    default Instance findOwned(String accountId, String instanceId) {
        return find(instanceId).filter(found -> found.accountId().equals(accountId))
                .orElseThrow(() -> BillingException.notFound("instance " + instanceId));
    }

    /** The account's instances, newest first. */
    Page<Instance> listByAccount(String accountId, int limit, String nextToken);

    /** Writes a new instance; refuses (IllegalStateException) to overwrite one with the same id. */
    void create(Instance instance);

    /**
     * Writes {@code changed} (built from a read at version v) only if the stored instance is still
     * at v; it is then at v + 1, which the returned instance carries. Throws
     * {@link com.edgecloud.billing.ConcurrentUpdateException} when someone wrote it meanwhile.
     */
    Instance update(Instance changed);
}
