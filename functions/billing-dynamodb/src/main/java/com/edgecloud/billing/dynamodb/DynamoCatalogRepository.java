package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.PriceHistory;
import com.edgecloud.billing.catalog.Spec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Catalog table: nodes under the one partition {@code NODES} (the list of nodes is a
 * query, not a scan), a node's specs under {@code NODE#<nodeId>} with their stock.
 */
public final class DynamoCatalogRepository implements CatalogRepository {

    /** An attribute of specs written before C3's hardware; an operator's write drops it. */
    private static final String RETIRED_DESCRIPTION = "description";

    private final DynamoDbClient dynamo;
    private final TypedTables typed;

    public DynamoCatalogRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.typed = new TypedTables(dynamo, tables);
    }

    /** A spec's key as a low-level request takes it (tests move the stock as a purchase does). */
    static Map<String, AttributeValue> specKey(String nodeId, String specId) {
        return SpecItems.keyMap(nodeId, specId);
    }

    @Override
    public List<Node> nodes() {
        return typed.nodes().query(QueryConditional.keyEqualTo(k -> k.partitionValue(NodeItems.NODES))).items().stream()
                .toList();
    }

    @Override
    public Optional<Node> node(String nodeId) {
        return Optional.ofNullable(typed.nodes().getItem(r -> r.key(NodeItems.key(nodeId)).consistentRead(true)));
    }

    @Override
    public List<Spec> specs(String nodeId) {
        return typed.specs().query(QueryConditional.sortBeginsWith(
                        k -> k.partitionValue(SpecItems.partition(nodeId)).sortValue(SpecItems.sort(""))))
                .items().stream().map(Seen::spec).toList();
    }

    @Override
    public Optional<Spec> spec(String nodeId, String specId) {
        return specForChange(nodeId, specId).map(Seen::spec);
    }

    @Override
    public void saveNode(Node node) {
        typed.nodes().putItem(node);
    }

    @Override
    public Optional<Seen> specForChange(String nodeId, String specId) {
        Key key = SpecItems.key(nodeId, specId);
        return Optional.ofNullable(typed.specs().getItem(r -> r.key(key).consistentRead(true)));
    }

    @Override
    public Optional<Spec> replaceSpec(Spec wanted, PriceHistory hourlyPrices, Optional<Seen> seen) {
        long version = seen.map(Seen::version).orElse(0L);
        int delta = wanted.stock() - seen.map(s -> s.spec().stock()).orElse(0);
        SpecUpdate update = new SpecUpdate();
        update.setAllButKeyAndStock(wanted, hourlyPrices, version + 1);
        update.moveStockBy(delta);
        if (seen.isEmpty()) {
            update.requireNew();
        } else {
            update.requireUnchangedSince(version, delta);
        }
        try {
            Map<String, AttributeValue> written = dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(typed.specs().tableName()).key(SpecItems.keyMap(wanted.nodeId(), wanted.specId()))
                    .updateExpression(update.set + " REMOVE " + RETIRED_DESCRIPTION)
                    .conditionExpression(update.condition)
                    .expressionAttributeNames(update.names)
                    .expressionAttributeValues(update.values)
                    .returnValues(ReturnValue.ALL_NEW).build()).attributes();
            return Optional.of(SpecItems.SCHEMA.mapToItem(written).spec());
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return Optional.empty();
        }
    }

    /** The parts of one spec's update expression, added one decision at a time. */
    private static final class SpecUpdate {
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();
        private final StringJoiner set = new StringJoiner(", ", "SET ", "");
        private String condition;

        /**
         * Everything the schema writes of the wanted spec at its next version, but its key and its
         * stock: the stock moves by the delta, so purchases made since the read keep their decrement (C2).
         */
        void setAllButKeyAndStock(Spec wanted, PriceHistory hourlyPrices, long nextVersion) {
            Map<String, AttributeValue> replaced = new LinkedHashMap<>(SpecItems.SCHEMA.itemToMap(
                    new Seen(wanted, nextVersion, hourlyPrices), true));
            replaced.keySet().removeAll(List.of(SpecItems.PK.name(), SpecItems.SK.name(), SpecItems.STOCK.name()));
            replaced.forEach((attribute, value) -> {
                names.put("#" + attribute, attribute);
                values.put(":" + attribute, value);
                set.add("#" + attribute + " = :" + attribute);
            });
        }

        void moveStockBy(int delta) {
            names.put("#stock", SpecItems.STOCK.name());
            values.put(":delta", SpecItems.STOCK.value(delta));
            values.put(":zero", SpecItems.STOCK.value(0));
            set.add("#stock = if_not_exists(#stock, :zero) + :delta");
        }

        /** A new spec: nobody created it meanwhile. */
        void requireNew() {
            condition = "attribute_not_exists(#pk)";
            names.put("#pk", SpecItems.PK.name());
        }

        /** C2: no other operator write since the read, and the stock never goes below zero. */
        void requireUnchangedSince(long version, int delta) {
            values.put(":negDelta", SpecItems.STOCK.value(-delta));
            names.put("#specVersion", SpecItems.VERSION.name());
            condition = (version == 0 ? "attribute_not_exists(#specVersion)" : "#specVersion = :seenVersion")
                    + " AND #stock >= :negDelta";
            if (version != 0) {
                values.put(":seenVersion", SpecItems.VERSION.value(version));
            }
        }
    }
}
