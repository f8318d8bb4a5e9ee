package com.edgecloud.billing.lifecycle;

/** Owner operations governed by E2. */
public enum InstanceOperation {
    START, STOP, REINSTALL, RENEW, DELETE;

    /** START, STOP and REINSTALL share one column of E2. */
    public boolean isPowerOperation() {
        return this == START || this == STOP || this == REINSTALL;
    }
}
