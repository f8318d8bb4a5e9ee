package com.edgecloud.billing.instance;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.TermDuration;
import java.time.Instant;
import java.util.Objects;

/**
 * One prepaid term of a monthly package (P3, R2): bought with an order ({@code orderId}) or a
 * renewal ({@code renewalId}). An instance's {@code termStartsAt}/{@code expiresAt} are its latest
 * term's.
 */
public record Term(String instanceId, String accountId, Instant termStartsAt, Instant expiresAt,
                   TermDuration duration, Money amount, String orderId, String renewalId) {

    public Term {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(termStartsAt, "termStartsAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(amount, "amount");
    }
}
