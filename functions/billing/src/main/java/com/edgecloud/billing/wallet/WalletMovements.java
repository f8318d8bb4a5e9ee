package com.edgecloud.billing.wallet;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one path of every money movement (purchase, renewal, usage bill, arrears settlement,
 * recharge, coupon grant): read the account, plan from its wallet, commit in one conditional
 * transaction, and when the wallet (or anything else the plan read) moved meanwhile, plan again
 * from a fresh read, under one {@link RetryPolicy}.
 */
public final class WalletMovements {

    private final AccountRepository accounts;
    private final RetryPolicy retry;

    public WalletMovements(AccountRepository accounts, RetryPolicy retry) {
        this.accounts = accounts;
        this.retry = retry;
    }

    /** What a plan commits: one transaction; throws ConcurrentUpdateException when what it read moved. */
    @FunctionalInterface
    public interface Commit<T> {
        T run();
    }

    /**
     * Plans with {@code plan} from the account as read and runs its commit; repeats both while the
     * commit finds the wallet moved. A refusal thrown by the plan ends it with nothing written.
     */
    public <T> T move(String accountId, Supplier<? extends RuntimeException> whenAbsent,
                      Function<Account, Commit<T>> plan) {
        for (int attempt = 1; ; attempt++) {
            Account account = accounts.find(accountId).orElseThrow(whenAbsent);
            try {
                return plan.apply(account).run();
            } catch (ConcurrentUpdateException moved) {
                retry.backOffAfter(attempt, "account " + accountId);
            }
        }
    }
}
