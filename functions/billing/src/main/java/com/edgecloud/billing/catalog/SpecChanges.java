package com.edgecloud.billing.catalog;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import java.time.Clock;
import java.util.Optional;

/**
 * C2: an operator's spec write. Its {@code stock} is what the operator wants free now; it is
 * applied as a change from the stock read just before, never as a blind overwrite, so a
 * restock racing purchases loses none of their decrements and never oversells. G2: a new hourly
 * price is added to the spec's price history at the business clock's now, under the same condition,
 * so it applies from the instant it is made and never to a second before.
 */
public final class SpecChanges {

    static final int ATTEMPTS = 20;

    private final CatalogRepository catalog;
    private final Clock clock;

    public SpecChanges(CatalogRepository catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public Spec put(Spec wanted) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CatalogRepository.Seen> seen = catalog.specForChange(wanted.nodeId(), wanted.specId());
            PriceHistory prices = seen.map(s -> s.hourlyPrices().changedTo(wanted.hourlyPrice(), clock.instant()))
                    .orElseGet(() -> PriceHistory.startingAt(clock.instant(), wanted.hourlyPrice()));
            Optional<Spec> written = catalog.replaceSpec(wanted, prices, seen);
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new BillingException(ErrorCode.BUSY, "Too many concurrent changes to spec " + wanted.specId() + ".");
    }
}
