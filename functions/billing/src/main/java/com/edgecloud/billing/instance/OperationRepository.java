package com.edgecloud.billing.instance;

import com.edgecloud.billing.Page;

public interface OperationRepository {

    /** An instance's accepted operations, newest first. */
    Page<OperationRecord> list(String instanceId, int limit, String nextToken);
}
