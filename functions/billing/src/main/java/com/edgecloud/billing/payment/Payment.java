package com.edgecloud.billing.payment;

import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A5, P2: money asked of the third-party provider. {@code orderId} is set for purpose ORDER;
 * {@code confirmedAt} once the provider's callback succeeded it.
 */
public record Payment(String paymentId, String accountId, Money amount, PaymentPurpose purpose, String orderId,
                      PaymentStatus status, Instant createdAt, Instant confirmedAt) {

    /** A recharge takes 0.01 to 1,000,000.00 (ours). */
    public static final Money MIN_RECHARGE = Money.parse("0.01");
    public static final Money MAX_RECHARGE = Money.parse("1000000.00");

    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A payment must be positive, got " + amount);
        }
        if ((purpose == PaymentPurpose.ORDER) != (orderId != null)) {
            throw new IllegalArgumentException("An ORDER payment names its order, a RECHARGE none");
        }
    }

    public static Payment pending(String paymentId, String accountId, Money amount, PaymentPurpose purpose,
                                  String orderId, Instant now) {
        return new Payment(paymentId, accountId, amount, purpose, orderId, PaymentStatus.PENDING, now, null);
    }

    public Payment succeeded(Instant at) {
        return new Payment(paymentId, accountId, amount, purpose, orderId, PaymentStatus.SUCCEEDED, createdAt, at);
    }

    public Payment failed() {
        return new Payment(paymentId, accountId, amount, purpose, orderId, PaymentStatus.FAILED, createdAt, null);
    }
}
