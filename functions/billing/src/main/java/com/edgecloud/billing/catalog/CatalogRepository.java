package com.edgecloud.billing.catalog;

import java.util.List;
import java.util.Optional;

public interface CatalogRepository {

    List<Node> nodes();

    Optional<Node> node(String nodeId);

    List<Spec> specs(String nodeId);

    Optional<Spec> spec(String nodeId, String specId);

    void saveNode(Node node);

    /**
     * C2: a spec as read for an operator's change, with the version of its last operator write; G2:
     * with its hourly price history, whose latest price is the spec's {@code hourlyPrice}.
     */
    record Seen(Spec spec, long version, PriceHistory hourlyPrices) {

        /** A spec whose price has no recorded change: its price since ever. */
        public Seen(Spec spec, long version) {
            this(spec, version, PriceHistory.always(spec.hourlyPrice()));
        }
    }

    /** The spec and its version, read consistently, before an operator's change. */
    Optional<Seen> specForChange(String nodeId, String specId);

    /** G2: the spec's hourly price history (a consistent read), for metering and the quote. */
    default Optional<PriceHistory> hourlyPrices(String nodeId, String specId) {
        return specForChange(nodeId, specId).map(Seen::hourlyPrices);
    }

    /**
     * Writes {@code wanted} over {@code seen} (empty: the spec is new), with {@code hourlyPrices} as
     * its price history (G2: {@code seen}'s, with the wanted price appended when it changed). C2: the stock moves by
     * {@code wanted.stock − seen.spec.stock} from whatever it is now, so purchases made since
     * {@code seen} was read keep their decrement; the write happens only if no other operator
     * write came in between and the stock stays ≥ 0. Empty when that condition failed (read again).
     */
    Optional<Spec> replaceSpec(Spec wanted, PriceHistory hourlyPrices, Optional<Seen> seen);
}
