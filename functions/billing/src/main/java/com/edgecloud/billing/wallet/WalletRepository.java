package com.edgecloud.billing.wallet;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.money.Money;
import java.time.Instant;

/** A4: every money movement is written with its ledger entry, in one transaction. */
public interface WalletRepository {

    /** The account's ledger, newest first. */
    Page<LedgerEntry> ledger(String accountId, int limit, String nextToken);

    /** Grants a coupon (A2) and records COUPON_GRANT. */
    default Coupon grantCoupon(String accountId, String couponId, Money amount, Instant expiresAt, Instant now) {
        return grantCoupon(accountId, Coupon.grant(couponId, amount, expiresAt), now, null);
    }

    /** Grants the coupon; {@code answer}, if given, is stored in the same transaction as the grant. */
    Coupon grantCoupon(String accountId, Coupon coupon, Instant now, IdempotentCompletion answer);

    /** Adds cash and records RECHARGE. */
    LedgerEntry recharge(String accountId, Money amount, Instant now);
}
