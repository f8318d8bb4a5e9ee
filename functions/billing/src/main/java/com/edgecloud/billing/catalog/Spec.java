package com.edgecloud.billing.catalog;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.TermDuration;
import java.util.Map;

/** C2, C3: a server configuration on a node, its hardware, its prices and how many servers are free. */
public record Spec(String nodeId, String specId, String name, Hardware hardware,
                   Money monthlyPrice, Money yearlyPrice, Money hourlyPrice, int stock) {

    public void requireStock(int quantity) {
        if (stock < quantity) {
            throw outOfStock(quantity);
        }
    }

    public BillingException outOfStock(int quantity) {
        return new BillingException(ErrorCode.OUT_OF_STOCK,
                "Only " + Math.max(stock, 0) + " servers of " + specId + " are left on " + nodeId + ".",
                Map.of("available", Math.max(stock, 0), "requested", quantity));
    }

    /** P2: the whole price of the duration for one server (monthly × months, yearly × years). */
    public Money priceOf(TermDuration duration) {
        return switch (duration.unit()) {
            case MONTH -> monthlyPrice.times(duration.count());
            case YEAR -> yearlyPrice.times(duration.count());
        };
    }

    /** P2 and G1: what a purchase charges at once; pay-by-configuration charges nothing at launch. */
    public Money chargeAtPurchase(BillingMethod method, TermDuration duration, int quantity) {
        return method == BillingMethod.MONTHLY_PACKAGE ? priceOf(duration).times(quantity) : Money.ZERO;
    }
}
