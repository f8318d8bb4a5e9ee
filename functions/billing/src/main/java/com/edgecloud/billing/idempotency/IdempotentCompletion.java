package com.edgecloud.billing.idempotency;

/** The first answer to a request, stored under its key in the same transaction as its effects. */
public record IdempotentCompletion(String key, String token, int status, String body) {
}
