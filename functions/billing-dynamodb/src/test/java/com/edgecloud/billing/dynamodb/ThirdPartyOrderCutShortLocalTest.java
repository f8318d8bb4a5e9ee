package com.edgecloud.billing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * P2: a THIRD_PARTY order of more monthly servers than fit in the settlement transaction (47)
 * has the rest written after it. Its PAID order carries the "incomplete" due mark a balance order
 * gets, so when the callback function dies after the commit the expiry sweep completes it; a
 * repeated callback is no longer the only repair.
 */
class ThirdPartyOrderCutShortLocalTest {

    static final int SERVERS = 100;

    final FaultyNetworkWorld world = new FaultyNetworkWorld();
    final DynamoTermRepository terms = new DynamoTermRepository(world.faults.dynamo, world.tables);

    @Test
    void aThirdPartyOrderCutShortAfterItsCommitIsCompletedByTheSweep_P2() {
        String account = world.verifiedAccount();
        String[] spec = world.spec(SERVERS);
        Payment payment = world.buyMonthly(account, spec, SERVERS, PaymentMethod.THIRD_PARTY).plan().payment();
        world.faults.dieAfterNextCommit();

        assertThrows(RuntimeException.class, () -> world.succeeded(payment), "the callback dies after its commit");

        assertEquals(1, world.faults.injected());
        Order paid = world.purchases.findOrder(payment.orderId()).orElseThrow();
        assertEquals(OrderStatus.PAID, paid.status());
        assertTrue(written(paid) < SERVERS, "the crash left the order short: " + written(paid));
        assertTrue(dueOrders(paid.paidAt()).contains(paid.id()), "due for completion at once");

        int completed = world.purchases.completeIncompleteOrders(Due.buckets(Due.Kind.ORDER), paid.paidAt(), () -> true);

        assertTrue(completed >= 1);
        assertEquals(SERVERS, written(paid));
        for (String instance : paid.instanceIds()) {
            assertEquals(1, terms.list(instance, 10, null).items().size(), "the first term of " + instance + " (P3)");
        }
        assertFalse(dueOrders(paid.paidAt().plusSeconds(1)).contains(paid.id()), "no longer due");
        assertEquals(List.of(LedgerEntryType.ORDER_CHARGE, LedgerEntryType.RECHARGE),
                world.ledger(account).stream().map(LedgerEntry::type).toList(), "paid once (A4)");
        assertEquals(Money.ZERO, world.cash(account));
        assertEquals(0, world.catalog.spec(spec[0], spec[1]).orElseThrow().stock());
    }

    @Test
    void aThirdPartyOrderThatFitsItsSettlementIsNeverDue_P2() {
        String account = world.verifiedAccount();
        String[] spec = world.spec(5);
        Payment payment = world.buyMonthly(account, spec, 5, PaymentMethod.THIRD_PARTY).plan().payment();

        world.succeeded(payment);

        Order paid = world.purchases.findOrder(payment.orderId()).orElseThrow();
        assertEquals(5, written(paid));
        assertFalse(dueOrders(paid.paidAt()).contains(paid.id()));
    }

    private long written(Order order) {
        return order.instanceIds().stream().filter(id -> world.instances.find(id).isPresent()).count();
    }

    /** The orders of OrdersDue's ORDER buckets due by {@code now}. */
    private List<String> dueOrders(Instant now) {
        return Due.buckets(Due.Kind.ORDER).stream()
                .flatMap(bucket -> world.orders.incompleteOrders(bucket, now, 100).stream()).toList();
    }
}
