package com.edgecloud.billing.account;

/** A1: personal or enterprise verification lets an activated account purchase. */
public enum Verification {
    NONE, PERSONAL, ENTERPRISE
}
