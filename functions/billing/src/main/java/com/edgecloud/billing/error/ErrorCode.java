package com.edgecloud.billing.error;

/** Stable API error codes (SPEC §9). Their HTTP status is the HTTP layer's business (http-support's Problems). */
public enum ErrorCode {
    VALIDATION_FAILED("Validation failed"),
    UNAUTHENTICATED("Unauthenticated"),
    INSUFFICIENT_BALANCE("Insufficient balance"),
    BELOW_LAUNCH_THRESHOLD("Balance below launch threshold"),
    ACCOUNT_NOT_ACTIVE("Account not active"),
    ACCOUNT_NOT_VERIFIED("Account not verified"),
    FORBIDDEN("Forbidden"),
    NOT_FOUND("Not found"),
    OPERATION_NOT_ALLOWED("Operation not allowed"),
    NODE_NOT_OPEN("Node not open for sale"),
    OUT_OF_STOCK("Out of stock"),
    REQUEST_IN_PROGRESS("Request in progress"),
    IDEMPOTENCY_KEY_REUSED("Idempotency key reused"),
    AMOUNT_MISMATCH("Amount mismatch"),
    /** Too many concurrent changes to one account: safe to retry with the same key. */
    BUSY("Busy");

    private final String title;

    ErrorCode(String title) {
        this.title = title;
    }

    /** Short human title (problem+json "title"). */
    public String title() {
        return title;
    }
}
