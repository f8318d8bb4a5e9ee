package com.edgecloud.billing.instance;

import com.edgecloud.billing.Page;
import java.util.Optional;

public interface InstanceRepository {

    Optional<Instance> find(String instanceId);

    /** The account's instances, newest first. */
    Page<Instance> listByAccount(String accountId, int limit, String nextToken);
}
