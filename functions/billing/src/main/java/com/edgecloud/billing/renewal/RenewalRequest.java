package com.edgecloud.billing.renewal;

import com.edgecloud.billing.idempotency.Canonical;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.time.TermDuration;

/** R1: renew one of the caller's monthly-package instances for {@code duration} (P1). */
public record RenewalRequest(String accountId, String instanceId, TermDuration duration, PaymentMethod paymentMethod) {

    /** SPEC §9: what makes two renewals "the same request". */
    public String canonical() {
        return Canonical.of("renewal").with("accountId", accountId).with("instanceId", instanceId)
                .with("durationUnit", duration.unit()).with("durationCount", duration.count())
                .with("paymentMethod", paymentMethod).form();
    }
}
