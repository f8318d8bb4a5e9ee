package com.edgecloud.billing.purchase;

import com.edgecloud.billing.idempotency.Canonical;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.time.TermDuration;

/** What the caller asked for, already validated in form; {@code duration} is null for pay-by-configuration. */
public record PurchaseRequest(String accountId, String nodeId, String specId, int quantity,
                              BillingMethod billingMethod, TermDuration duration, PaymentMethod paymentMethod) {

    /** P2: a purchase buys 1–100 servers. */
    public static final int MAX_QUANTITY = 100;

    /** SPEC §9: what makes two purchases "the same request". */
    public String canonical() {
        return Canonical.of("purchase").with("accountId", accountId).with("nodeId", nodeId).with("specId", specId)
                .with("quantity", quantity).with("billingMethod", billingMethod)
                .with("durationUnit", duration == null ? null : duration.unit())
                .with("durationCount", duration == null ? null : duration.count())
                .with("paymentMethod", paymentMethod).form();
    }
}
