package com.edgecloud.billing.instance;

import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import java.time.Instant;

/**
 * A bare-metal server as billed. {@code due} is the next moment a sweep must look at it
 * (a warning, expiry, release or bill); null when nothing is due (kept out of the index).
 */
public record Instance(String id, String accountId, String nodeId, String specId, String orderId,
                       BillingMethod billingMethod, BillingState billingState, PowerState powerState,
                       Instant termStartsAt, Instant expiresAt, Instant overdueSince, Instant releaseAt,
                       Instant createdAt, Due due, long version) {
}
