package com.edgecloud.billing.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WalletMovementsTest {

    private static final Account ACCOUNT = new Account("acct-1", true, Verification.PERSONAL, null, Wallet.empty());

    private static AccountRepository reads(AtomicInteger reads) {
        return new AccountRepository() {
            @Override
            public Optional<Account> find(String accountId) {
                reads.incrementAndGet();
                return Optional.of(ACCOUNT);
            }

            @Override
            public Account saveProfile(String accountId, boolean activated, Verification verification, Contact contact,
                                       Instant now) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aMovedWalletIsReadAndPlannedAgain_A4() {
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger commits = new AtomicInteger();
        WalletMovements movements = new WalletMovements(reads(reads), new RetryPolicy(5, 1, 2));

        String result = movements.move("acct-1", IllegalStateException::new, account -> () -> {
            if (commits.incrementAndGet() < 3) {
                throw new ConcurrentUpdateException("moved");
            }
            return "committed";
        });

        assertEquals("committed", result);
        assertEquals(3, reads.get(), "each attempt plans from a fresh read");
    }

    @Test
    void retriesRunningOutAreBusyNotInProgress_S9() {
        WalletMovements movements = new WalletMovements(reads(new AtomicInteger()), new RetryPolicy(4, 1, 2));

        BillingException busy = assertThrows(BillingException.class, () -> movements.move("acct-1",
                IllegalStateException::new, account -> () -> {
                    throw new ConcurrentUpdateException("moved");
                }));

        assertEquals(ErrorCode.BUSY, busy.code());
    }

    @Test
    void aRefusalOfThePlanEndsTheMoveAtOnce() {
        AtomicInteger reads = new AtomicInteger();
        WalletMovements movements = new WalletMovements(reads(reads), RetryPolicy.DEFAULT);

        BillingException refused = assertThrows(BillingException.class, () -> movements.move("acct-1",
                IllegalStateException::new, account -> {
                    throw new BillingException(ErrorCode.INSUFFICIENT_BALANCE, "short");
                }));

        assertEquals(ErrorCode.INSUFFICIENT_BALANCE, refused.code());
        assertEquals(1, reads.get());
    }
}
