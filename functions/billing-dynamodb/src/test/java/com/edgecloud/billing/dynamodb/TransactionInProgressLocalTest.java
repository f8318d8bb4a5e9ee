package com.edgecloud.billing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.Purchased;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB answers TransactionInProgressException to a transaction sent again while the first
 * one under its client request token is still being applied, and the SDK does not retry it. It
 * is a conflict: the same request is sent again with back-off (applied once, whatever happened
 * to the first), then BUSY with nothing written, never a 500.
 */
class TransactionInProgressLocalTest {

    final FaultyNetworkWorld world = new FaultyNetworkWorld();

    @Test
    void aTransactionAnsweredInProgressBeyondTheSdksRetriesIsSentAgainUnderItsTokenAndAppliedOnce() {
        String account = world.verifiedAccount();
        String[] spec = world.spec(5);
        world.succeeded(world.recharge(account, Money.parse("3000.00")));
        // One more than the SDK's own attempts: the answer escapes the SDK, and the store sends it again.
        int answers = InjectedFaults.SDK_ATTEMPTS + 1;
        world.faults.inProgressAfterApplying(answers);

        Purchased purchased = world.buyMonthly(account, spec, 2, PaymentMethod.BALANCE);

        assertEquals(answers, world.faults.injected());
        assertEquals(Money.parse("1000.00"), world.cash(account), "charged once");
        assertEquals(List.of(LedgerEntryType.ORDER_CHARGE, LedgerEntryType.RECHARGE),
                world.ledger(account).stream().map(LedgerEntry::type).toList());
        assertEquals(OrderStatus.PAID, world.purchases.findOrder(purchased.plan().order().id()).orElseThrow().status());
        assertEquals(3, world.catalog.spec(spec[0], spec[1]).orElseThrow().stock());
    }

    @Test
    void aTransactionStillInProgressAfterTheRetriesIsBusyWithNothingWritten() {
        String account = world.verifiedAccount();
        String[] spec = world.spec(5);
        world.succeeded(world.recharge(account, Money.parse("3000.00")));
        world.faults.inProgressWithoutApplying(1_000);

        BillingException busy = assertThrows(BillingException.class,
                () -> world.buyMonthly(account, spec, 2, PaymentMethod.BALANCE));

        assertEquals(ErrorCode.BUSY, busy.code());
        assertEquals(InjectedFaults.SDK_ATTEMPTS * Transaction.STILL_IN_PROGRESS.maxAttempts(), world.faults.injected(),
                "sent again by the store after the SDK's retries, then given up");
        assertEquals(Money.parse("3000.00"), world.cash(account), "nothing charged");
        assertEquals(1, world.ledger(account).size(), "the recharge only");
        assertEquals(5, world.catalog.spec(spec[0], spec[1]).orElseThrow().stock());
    }
}
