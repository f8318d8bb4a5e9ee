package com.edgecloud.billing.lifecycle;

import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.money.Money;
import java.time.Instant;

/**
 * R4: how the expiry sweep renews an instance in its auto-renewal window: through the renewal
 * path itself (the renewal package implements it), so the price, the term and the charge are a
 * renewal's.
 */
public interface AutoRenewer {

    /**
     * Renews the term of {@code instance} that expires at its {@code expiresAt}, if the instance
     * as stored now is still due for it (R4); commits nothing when refused.
     */
    Attempt renew(Instance instance, Instant now);

    /** What an attempt came to. */
    sealed interface Attempt {
    }

    /** The term was renewed: charged, the new term written, AUTO_RENEWED in the outbox. */
    record Succeeded() implements Attempt {
    }

    /**
     * Refused with nothing written: {@code code} INSUFFICIENT_BALANCE (or an account no longer
     * allowed to buy, A1); {@code price} what the renewal costs, null when it could not be priced.
     */
    record Refused(ErrorCode code, Money price) implements Attempt {
    }

    /** The stored instance was no longer due for it: another sweep renewed it, or the owner changed it. */
    record NotDue() implements Attempt {
    }
}
