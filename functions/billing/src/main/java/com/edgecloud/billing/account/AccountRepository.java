package com.edgecloud.billing.account;

import java.time.Instant;
import java.util.Optional;

public interface AccountRepository {

    /** The account with its wallet (cash and coupons), or empty if no operator created it. */
    Optional<Account> find(String accountId);

    /** Creates the account or updates its profile; the wallet is never touched here. */
    Account saveProfile(String accountId, boolean activated, Verification verification, Contact contact, Instant now);
}
