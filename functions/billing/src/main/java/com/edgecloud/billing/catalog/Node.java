package com.edgecloud.billing.catalog;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import java.util.Map;

public record Node(String nodeId, String name, String region, NodeStatus status) {

    /** C1: a node under construction does not sell. */
    public void requireOpen() {
        if (status != NodeStatus.OPEN) {
            throw new BillingException(ErrorCode.NODE_NOT_OPEN,
                    "Node " + nodeId + " is not open for sale.", Map.of("nodeId", nodeId, "nodeStatus", status.name()));
        }
    }
}
