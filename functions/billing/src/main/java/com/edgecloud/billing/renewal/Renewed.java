package com.edgecloud.billing.renewal;

import com.edgecloud.billing.idempotency.IdempotentCompletion;

/** A committed renewal and the answer stored with it. */
public record Renewed(RenewalPlan plan, IdempotentCompletion answer) {
}
