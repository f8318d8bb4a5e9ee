package com.edgecloud.billing.catalog;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import java.util.Map;

/** C1, C3: an edge node, where it stands and whether it sells. */
public record Node(String nodeId, String name, String region, String city, double latitude, double longitude,
                   NodeStatus status) {

    /** C1: a node under construction does not sell. */
    public void requireOpen() {
        if (status != NodeStatus.OPEN) {
            throw new BillingException(ErrorCode.NODE_NOT_OPEN,
                    "Node " + nodeId + " is not open for sale.", Map.of("nodeId", nodeId, "nodeStatus", status.name()));
        }
    }

    /** C3: how far this node is from a point, along the Earth's surface. */
    public double distanceKmFrom(GeoPoint point) {
        return point.distanceKmTo(new GeoPoint(latitude, longitude));
    }
}
