package com.edgecloud.billing.purchase;

import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.time.TermDuration;

/** What the caller asked for, already validated in form; {@code duration} is null for pay-by-configuration. */
public record PurchaseRequest(String accountId, String nodeId, String specId, int quantity,
                              BillingMethod billingMethod, TermDuration duration, PaymentMethod paymentMethod) {

    /** P2: a purchase buys 1–100 servers. */
    public static final int MAX_QUANTITY = 100;
}
