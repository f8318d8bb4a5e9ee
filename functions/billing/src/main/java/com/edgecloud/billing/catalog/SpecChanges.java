package com.edgecloud.billing.catalog;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import java.util.Optional;

/**
 * C2: an operator's spec write. Its {@code stock} is what the operator wants free now; it is
 * applied as a change from the stock read just before, never as a blind overwrite, so a
 * restock racing purchases loses none of their decrements and never oversells.
 */
public final class SpecChanges {

    static final int ATTEMPTS = 20;

    private final CatalogRepository catalog;

    public SpecChanges(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    public Spec put(Spec wanted) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CatalogRepository.Seen> seen = catalog.specForChange(wanted.nodeId(), wanted.specId());
            Optional<Spec> written = catalog.replaceSpec(wanted, seen);
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new BillingException(ErrorCode.BUSY, "Too many concurrent changes to spec " + wanted.specId() + ".");
    }
}
