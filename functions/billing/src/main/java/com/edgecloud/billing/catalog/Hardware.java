package com.edgecloud.billing.catalog;

import java.util.List;

/** C3: what a server configuration is made of; operators give all of it. */
public record Hardware(Cpu cpu, int memoryGiB, List<Disk> disks, int bandwidthMbps) {

    public Hardware {
        disks = List.copyOf(disks);
    }

    public record Cpu(String model, int cores) {
    }

    public record Disk(DiskType type, int sizeGiB, int count) {
    }
}
