package com.edgecloud.billing.payment;

import com.edgecloud.billing.purchase.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * P2: an order unpaid 30 minutes after it was placed is cancelled and its stock returned, one
 * transaction per order, by the expiry sweep. Its payment stays PENDING: should the provider's
 * success still arrive, the money is credited as a plain recharge, never lost.
 */
public final class OrderCancellations {

    /** P2 [ours]: how long a third-party order waits for its payment. */
    public static final Duration PAYMENT_WINDOW = Duration.ofMinutes(30);
    /** The due-index bucket of orders waiting for their payment, as a sweep's event may name it. */
    public static final String BUCKET = "PENDING_PAYMENT";
    /** Orders cancelled per query. */
    static final int PAGE = 100;

    private final PaymentStore store;

    public OrderCancellations(PaymentStore store) {
        this.store = store;
    }

    /**
     * Cancels up to {@code limit} orders whose payment window ended by {@code now}; safe to re-run
     * (an order paid or cancelled meanwhile is left as it is). Returns how many it cancelled.
     */
    /** Cancels every order whose window ended by {@code now}, page by page while time is left. */
    public int cancelAllDue(Instant now, BooleanSupplier timeLeft) {
        int total = 0;
        int cancelled;
        do {
            cancelled = cancelDue(now, PAGE);
            total += cancelled;
        } while (cancelled == PAGE && timeLeft.getAsBoolean());
        return total;
    }

    public int cancelDue(Instant now, int limit) {
        int cancelled = 0;
        for (Order order : store.unpaidDue(now, limit)) {
            if (store.cancel(order)) {
                cancelled++;
            }
        }
        return cancelled;
    }
}
