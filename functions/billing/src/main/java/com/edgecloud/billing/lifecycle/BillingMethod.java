package com.edgecloud.billing.lifecycle;

/** Monthly package (prepaid, P*) or pay by configuration (hourly bills, G*). */
public enum BillingMethod {
    MONTHLY_PACKAGE, PAY_BY_CONFIGURATION
}
