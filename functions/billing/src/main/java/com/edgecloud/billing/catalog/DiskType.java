package com.edgecloud.billing.catalog;

/** C3: the kinds of disk a server configuration lists. */
public enum DiskType {
    SSD, NVME, HDD
}
