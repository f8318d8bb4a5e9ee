package com.edgecloud.billing.purchase;

import com.edgecloud.billing.idempotency.IdempotentCompletion;

/** A committed purchase and the answer stored with it under the request's Idempotency-Key. */
public record Purchased(PurchasePlan plan, IdempotentCompletion answer) {
}
