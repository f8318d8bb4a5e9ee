package com.edgecloud.billing.catalog;

/** C1: only nodes open for sale sell. */
public enum NodeStatus {
    OPEN, UNDER_CONSTRUCTION
}
