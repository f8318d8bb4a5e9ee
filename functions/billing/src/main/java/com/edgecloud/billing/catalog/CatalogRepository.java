package com.edgecloud.billing.catalog;

import java.util.List;
import java.util.Optional;

public interface CatalogRepository {

    List<Node> nodes();

    Optional<Node> node(String nodeId);

    List<Spec> specs(String nodeId);

    Optional<Spec> spec(String nodeId, String specId);

    void saveNode(Node node);

    /** C2: a spec as read for an operator's change, with the version of its last operator write. */
    record Seen(Spec spec, long version) {
    }

    /** The spec and its version, read consistently, before an operator's change. */
    Optional<Seen> specForChange(String nodeId, String specId);

    /**
     * Writes {@code wanted} over {@code seen} (empty: the spec is new). C2: the stock moves by
     * {@code wanted.stock − seen.spec.stock} from whatever it is now, so purchases made since
     * {@code seen} was read keep their decrement; the write happens only if no other operator
     * write came in between and the stock stays ≥ 0. Empty when that condition failed (read again).
     */
    Optional<Spec> replaceSpec(Spec wanted, Optional<Seen> seen);
}
