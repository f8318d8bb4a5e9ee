package com.edgecloud.billing.metering;

/** G3: a bill is paid in full when issued, or stays unpaid in full (arrears). */
public enum BillStatus { PAID, UNPAID }
