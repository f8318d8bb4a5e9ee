package com.edgecloud.billing.catalog;

import java.util.List;
import java.util.Optional;

public interface CatalogRepository {

    List<Node> nodes();

    Optional<Node> node(String nodeId);

    List<Spec> specs(String nodeId);

    Optional<Spec> spec(String nodeId, String specId);

    void saveNode(Node node);

    /** Replaces the spec, its prices and its stock of free servers. */
    void saveSpec(Spec spec);
}
