package com.edgecloud.billing.catalog;

import com.edgecloud.billing.money.Money;
import java.util.List;

/** An open Shanghai node and a standard spec (monthly 1000.00, yearly 10000.00, hourly 2.00), for billing's own tests. */
public final class CatalogExamples {

    private CatalogExamples() {
    }

    public static Node openNode(String nodeId) {
        return new Node(nodeId, "Node", "East China", "Shanghai", 31.2304, 121.4737, NodeStatus.OPEN);
    }

    public static Spec standardSpec(String nodeId, String specId, int stock) {
        return new Spec(nodeId, specId, "Standard",
                new Hardware(new Hardware.Cpu("Intel Xeon Gold 6330", 28), 256,
                        List.of(new Hardware.Disk(DiskType.NVME, 1920, 2)), 1000),
                Money.parse("1000.00"), Money.parse("10000.00"), Money.parse("2.00"), stock);
    }
}
