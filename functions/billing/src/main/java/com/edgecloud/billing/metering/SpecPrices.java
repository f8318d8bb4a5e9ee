package com.edgecloud.billing.metering;

import com.edgecloud.billing.account.RunningConfigurations;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.PriceHistory;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.money.Money;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** G2: the price histories of the specs one run meters, each read once
 * (safe to share between an account's workers). A spec gone is priced at zero. */
final class SpecPrices {

    private final CatalogRepository catalog;
    private final Map<String, PriceHistory> read = new ConcurrentHashMap<>();

    SpecPrices(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    PriceHistory of(Instance instance) {
        return of(instance.nodeId(), instance.specId());
    }

    PriceHistory of(String nodeId, String specId) {
        return read.computeIfAbsent(RunningConfigurations.keyOf(nodeId, specId),
                key -> catalog.hourlyPrices(nodeId, specId).orElse(PriceHistory.always(Money.ZERO)));
    }
}
