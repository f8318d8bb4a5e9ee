package com.edgecloud.billing.wallet;

/** A4: kinds of money movement. */
public enum LedgerEntryType {
    RECHARGE, COUPON_GRANT, ORDER_CHARGE, RENEWAL_CHARGE, USAGE_BILL, ARREARS_SETTLEMENT;

    /** Whether entries of this type take money from the wallet. */
    public boolean isCharge() {
        return this != RECHARGE && this != COUPON_GRANT;
    }
}
