package com.edgecloud.billing.account;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.wallet.Wallet;
import java.util.Map;

/**
 * An account's profile and its wallet (cash, coupons, version). {@code balanceLowWarned}: G7, a
 * BALANCE_LOW was sent and the balance has not been back at or above the cover threshold since.
 * {@code running}: G7, its running pay-by-configuration instances by spec, kept since the account was
 * created; null for an account created before they were kept (its rate is then read from its instances).
 */
public record Account(String accountId, boolean activated, Verification verification, Contact contact, Wallet wallet,
                      boolean balanceLowWarned, RunningConfigurations running) {

    public Account(String accountId, boolean activated, Verification verification, Contact contact, Wallet wallet) {
        this(accountId, activated, verification, contact, wallet, false, RunningConfigurations.NONE);
    }

    /** A1: only an activated and verified account can purchase. */
    public void requireCanPurchase() {
        if (!activated) {
            throw new BillingException(ErrorCode.ACCOUNT_NOT_ACTIVE,
                    "The account is not activated; activate it before purchasing.", Map.of("rule", "A1"));
        }
        if (verification == null || verification == Verification.NONE) {
            throw new BillingException(ErrorCode.ACCOUNT_NOT_VERIFIED,
                    "Complete personal or enterprise verification before purchasing.", Map.of("rule", "A1"));
        }
    }
}
