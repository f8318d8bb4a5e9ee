package com.edgecloud.billing.payment;

/**
 * The extension point right after a successful payment's credit, in the same callback request:
 * G5's arrears settlement goes here ("done by the time the recharge's callback is answered").
 * It runs after the credit's transaction committed, on every success answer including replays
 * (so a crash between the two is mended by the provider's retry); it must therefore be
 * idempotent and move money through {@code WalletMovements} like everything else.
 */
@FunctionalInterface
public interface AfterRecharge {

    /** Nothing after the credit: for tests of payments alone. */
    AfterRecharge NOTHING = (accountId, payment) -> {
    };

    void afterCredit(String accountId, Payment payment);
}
