package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Node items of the Catalog table: all under the one partition {@code NODES} (listing them is a
 * query, not a scan), sort key the node's id; where the node stands in degrees, as numbers (C3).
 */
final class NodeItems {

    /** The partition of every node. */
    static final String NODES = "NODES";

    private static final ItemSchema<Node> S = ItemSchema.of(Node.class);
    static final Column<String> PK = S.text("pk", n -> NODES, primaryPartitionKey());
    static final Column<String> SK = S.text("sk", Node::nodeId, primarySortKey());
    static final Column<String> ID = S.text("nodeId", Node::nodeId);
    static final Column<String> NAME = S.text("name", Node::name);
    static final Column<String> REGION = S.text("region", Node::region);
    static final Column<String> CITY = S.text("city", Node::city);
    static final Column<Double> LATITUDE = S.decimal("latitude", Node::latitude);
    static final Column<Double> LONGITUDE = S.decimal("longitude", Node::longitude);
    static final Column<NodeStatus> STATUS = S.enumerated("status", NodeStatus.class, Node::status);

    static final TableSchema<Node> SCHEMA = S.build(row -> new Node(row.get(ID), row.get(NAME), row.get(REGION),
            row.get(CITY), row.get(LATITUDE, 0.0), row.get(LONGITUDE, 0.0), row.get(STATUS)));

    /** C1: the node still sells (a purchase checks it in its transaction). */
    static final Expression IS_OPEN = Expression.builder().expression("#status = :open")
            .putExpressionName("#status", STATUS.name())
            .putExpressionValue(":open", STATUS.value(NodeStatus.OPEN)).build();

    private NodeItems() {
    }

    static Key key(String nodeId) {
        return Key.builder().partitionValue(NODES).sortValue(nodeId).build();
    }
}
