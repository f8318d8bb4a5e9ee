package com.edgecloud.local;

/** The operator's catalog PUT bodies the local-server stories share: a Shanghai node, a standard spec (C3). */
final class CatalogBodies {

    private CatalogBodies() {
    }

    static String node(String name) {
        return "{\"name\":\"" + name + "\",\"region\":\"East China\",\"city\":\"Shanghai\",\"latitude\":31.2304,"
                + "\"longitude\":121.4737,\"status\":\"OPEN\"}";
    }

    /** Monthly 1000.00, yearly 10000.00, hourly 2.00. */
    static String spec(int stock) {
        return "{\"name\":\"Standard\",\"cpu\":{\"model\":\"Intel Xeon Gold 6330\",\"cores\":28},\"memoryGiB\":256,"
                + "\"disks\":[{\"type\":\"NVME\",\"sizeGiB\":1920,\"count\":2}],\"bandwidthMbps\":1000,"
                + "\"monthlyPrice\":\"1000.00\",\"yearlyPrice\":\"10000.00\",\"hourlyPrice\":\"2.00\",\"stock\":" + stock + "}";
    }
}
