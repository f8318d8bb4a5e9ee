package com.edgecloud.billing.error;

/** Stable API error codes and their HTTP status (SPEC §9). */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Validation failed"),
    UNAUTHENTICATED(401, "Unauthenticated"),
    INSUFFICIENT_BALANCE(402, "Insufficient balance"),
    BELOW_LAUNCH_THRESHOLD(402, "Balance below launch threshold"),
    ACCOUNT_NOT_ACTIVE(403, "Account not active"),
    ACCOUNT_NOT_VERIFIED(403, "Account not verified"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    OPERATION_NOT_ALLOWED(409, "Operation not allowed"),
    NODE_NOT_OPEN(409, "Node not open for sale"),
    OUT_OF_STOCK(409, "Out of stock"),
    REQUEST_IN_PROGRESS(409, "Request in progress"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** HTTP status code. */
    public int status() {
        return status;
    }

    /** Short human title (problem+json "title"). */
    public String title() {
        return title;
    }
}
