package com.edgecloud.billing.dynamodb;

import static com.edgecloud.billing.dynamodb.InjectedFaults.putInto;
import static com.edgecloud.billing.dynamodb.InjectedFaults.updateOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.Delivery;
import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.DeliveryStatus;
import com.edgecloud.billing.notify.MessageSettings;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.payment.PaymentStatus;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.billing.purchase.Purchased;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A write DynamoDB applied whose answer was lost: the SDK sends it again and the retry meets the
 * write itself. A record that carries the caller's own token is the caller's, so the request goes
 * on instead of finding its own claim "taken"; a transaction is sent again under its client
 * request token and applied once.
 */
class LostAnswersLocalTest {

    static final Instant T0 = FaultyNetworkWorld.NOW;

    final FaultyNetworkWorld world = new FaultyNetworkWorld();
    final DynamoDeliveries deliveries = new DynamoDeliveries(world.faults.dynamo, world.tables);

    @Test
    void anIdempotencyClaimWhoseAnswerWasLostIsTheCallersAndItsRequestCompletes() {
        String account = world.verifiedAccount();
        String[] spec = world.spec(5);
        world.succeeded(world.recharge(account, Money.parse("1000.00")));
        String key = account + "#purchase#" + Ids.next("k");
        world.faults.loseAnswers(putInto(world.tables.idempotency()), 1);

        Claim claim = world.idempotency.claim(key, "h", Instant.now());

        assertEquals(1, world.faults.injected(), "the claim's answer was lost and the SDK retried it");
        Claim.Acquired acquired = assertInstanceOf(Claim.Acquired.class, claim, "not REQUEST_IN_PROGRESS");
        world.purchases.purchase(new PurchaseRequest(account, spec[0], spec[1], 1, BillingMethod.MONTHLY_PACKAGE,
                        TermDuration.months(1), PaymentMethod.BALANCE),
                plan -> new IdempotentCompletion(acquired.key(), acquired.token(), 201, "{\"done\":true}"));
        assertEquals(new Claim.Replay(201, "{\"done\":true}"), world.idempotency.claim(key, "h", Instant.now()),
                "the answer is stored: a retry of the key replays it");
        assertEquals(Money.ZERO, world.cash(account), "charged once");
    }

    @Test
    void aDeliveryCreatedWhoseAnswerWasLostWasCreatedByThisCall_N2() {
        Delivery d = delivery();
        world.faults.loseAnswers(putInto(world.tables.deliveries()), 1);

        assertTrue(deliveries.create(d, T0), "the replayed put met its own item");
        assertEquals(1, world.faults.injected());
        assertFalse(deliveries.create(d, T0.plusSeconds(1)), "another create finds it");
        assertEquals(DeliveryStatus.PENDING, deliveries.find(d.id()).orElseThrow().status());
    }

    @Test
    void aDeliveryClaimWhoseAnswerWasLostIsTheClaimersAndIsSentAtOnce_N2() {
        Delivery d = delivery();
        deliveries.create(d, T0);
        world.faults.loseAnswers(updateOf(world.tables.deliveries()), 1);

        Delivery claimed = deliveries.claim(d.id(), "tok-1", T0, T0.plusSeconds(100)).orElseThrow(
                () -> new AssertionError("its own claim was read as someone else's: SENDING until the lease ends"));

        assertEquals(1, world.faults.injected());
        assertEquals(DeliveryStatus.SENDING, claimed.status());
        assertTrue(deliveries.claim(d.id(), "tok-2", T0.plusSeconds(1), T0.plusSeconds(101)).isEmpty(),
                "another dispatcher's claim is still refused");
        assertTrue(deliveries.markSent(d.id(), "tok-1", T0.plusSeconds(1)));
        assertEquals(DeliveryStatus.SENT, deliveries.find(d.id()).orElseThrow().status());
    }

    @Test
    void aPurchaseWhoseTransactionAnswerWasLostChargesOnce_P2_A4() {
        String account = world.verifiedAccount();
        String[] spec = world.spec(5);
        world.succeeded(world.recharge(account, Money.parse("3000.00")));
        world.faults.loseAnswers(TransactWriteItemsRequest.class::isInstance, 1);

        Purchased purchased = world.buyMonthly(account, spec, 2, PaymentMethod.BALANCE);

        assertEquals(1, world.faults.injected());
        assertEquals(Money.parse("1000.00"), world.cash(account), "3000.00 less one charge of 2000.00");
        List<LedgerEntry> ledger = world.ledger(account);
        assertEquals(List.of(LedgerEntryType.ORDER_CHARGE, LedgerEntryType.RECHARGE),
                ledger.stream().map(LedgerEntry::type).toList(), "newest first: one charge");
        assertEquals(world.cash(account), ledger.stream().map(LedgerEntry::cash).reduce(Money.ZERO, Money::plus),
                "the ledger sums to the balance (A4)");
        Order order = world.purchases.findOrder(purchased.plan().order().id()).orElseThrow();
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(3, world.catalog.spec(spec[0], spec[1]).orElseThrow().stock());
    }

    @Test
    void aCallbackWhoseTransactionAnswerWasLostCreditsOnce_A5() {
        String account = world.verifiedAccount();
        Payment payment = world.recharge(account, Money.parse("250.00"));
        world.faults.loseAnswers(TransactWriteItemsRequest.class::isInstance, 1);

        Payment confirmed = world.succeeded(payment);

        assertEquals(1, world.faults.injected());
        assertEquals(PaymentStatus.SUCCEEDED, confirmed.status());
        assertEquals(Money.parse("250.00"), world.cash(account));
        assertEquals(1, world.ledger(account).size(), "one credit");
        world.succeeded(payment);
        assertEquals(Money.parse("250.00"), world.cash(account), "a repeated callback credits nothing");
    }

    private static Delivery delivery() {
        return new Delivery(Ids.next("dlv"), Ids.next("ntf"), NotificationType.EXPIRY_WARNING, Ids.next("acct"), null,
                3, DeliveryChannel.EMAIL, MessageSettings.SELF, "a@example.com", "Title", "Body", T0.minusSeconds(60),
                DeliveryStatus.PENDING, 0, null, T0, T0);
    }
}
