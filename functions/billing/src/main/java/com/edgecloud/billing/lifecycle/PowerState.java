package com.edgecloud.billing.lifecycle;

/** E1: power states. */
public enum PowerState {
    RUNNING, STOPPED
}
