package com.edgecloud.billing.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** P2: an unpaid third-party order is cancelled 30 minutes after it was placed, its stock returned. */
class OrderCancellationsIntegrationTest {

    private static final Instant T0 = Instant.parse("2016-03-01T02:00:00Z");
    private final PaymentWorld world = new PaymentWorld(T0);

    @Test
    void onlyOrdersUnpaidForThirtyMinutesAreCancelledOnceWithTheirStockBack_P2() {
        String account = world.verifiedAccount();
        String[] spec = world.spec(10);
        Order early = world.buyMonthly(account, spec, 2, PaymentMethod.THIRD_PARTY).plan().order();
        world.clock.set(T0.plus(Duration.ofMinutes(20)));
        Order later = world.buyMonthly(account, spec, 3, PaymentMethod.THIRD_PARTY).plan().order();
        world.clock.set(T0.plus(Duration.ofMinutes(25)));
        Order paidInTime = world.buyMonthly(account, spec, 1, PaymentMethod.THIRD_PARTY).plan().order();
        world.callback(world.payments.find(paidInTime.paymentId()).orElseThrow(), PaymentStatus.SUCCEEDED);
        assertEquals(4, stock(spec));

        world.cancellations.cancelDue(T0.plus(Duration.ofMinutes(30)).minusSeconds(1), 100);
        assertEquals(OrderStatus.PENDING_PAYMENT, status(early), "29:59 is still within the window");

        world.cancellations.cancelDue(T0.plus(Duration.ofMinutes(30)), 100);
        assertEquals(OrderStatus.CANCELLED, status(early));
        assertEquals(OrderStatus.PENDING_PAYMENT, status(later));
        assertEquals(OrderStatus.PAID, status(paidInTime));
        assertEquals(6, stock(spec), "the early order's 2 servers are back");

        world.cancellations.cancelDue(T0.plus(Duration.ofMinutes(30)), 100); // a re-run sweep
        assertEquals(6, stock(spec), "returned once");

        world.cancellations.cancelDue(T0.plus(Duration.ofHours(2)), 100);
        assertEquals(OrderStatus.CANCELLED, status(later));
        assertEquals(OrderStatus.PAID, status(paidInTime), "a paid order is never cancelled");
        assertEquals(9, stock(spec));

        Payment kept = world.payments.find(early.paymentId()).orElseThrow();
        assertEquals(PaymentStatus.PENDING, kept.status(), "the payment stays PENDING: a late success is credited");
        world.callback(kept, PaymentStatus.SUCCEEDED);
        assertEquals(Money.parse("2000.00"), world.accounts.find(account).orElseThrow().wallet().cash());
        assertEquals(OrderStatus.CANCELLED, status(early));
        assertNull(world.purchases.findOrder(early.id()).orElseThrow().paidAt());
    }

    private OrderStatus status(Order order) {
        return world.purchases.findOrder(order.id()).orElseThrow().status();
    }

    private int stock(String[] spec) {
        return world.catalog.spec(spec[0], spec[1]).orElseThrow().stock();
    }
}
