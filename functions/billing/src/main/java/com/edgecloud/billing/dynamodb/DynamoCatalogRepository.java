package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.DiskType;
import com.edgecloud.billing.catalog.Hardware;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.catalog.Spec;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Catalog table: nodes under the one partition {@code NODES} (the list of nodes is a
 * query, not a scan), a node's specs under {@code NODE#<nodeId>} with their stock.
 */
public final class DynamoCatalogRepository implements CatalogRepository {

    static final String NODES = "NODES";

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoCatalogRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    static Map<String, AttributeValue> nodeKey(String nodeId) {
        return Map.of("pk", Attr.s(NODES), "sk", Attr.s(nodeId));
    }

    static Map<String, AttributeValue> specKey(String nodeId, String specId) {
        return Map.of("pk", Attr.s("NODE#" + nodeId), "sk", Attr.s("SPEC#" + specId));
    }

    @Override
    public List<Node> nodes() {
        return query(NODES, null).stream().map(DynamoCatalogRepository::toNode).toList();
    }

    @Override
    public Optional<Node> node(String nodeId) {
        return get(nodeKey(nodeId)).map(DynamoCatalogRepository::toNode);
    }

    @Override
    public List<Spec> specs(String nodeId) {
        return query("NODE#" + nodeId, "SPEC#").stream().map(DynamoCatalogRepository::toSpec).toList();
    }

    @Override
    public Optional<Spec> spec(String nodeId, String specId) {
        return get(specKey(nodeId, specId)).map(DynamoCatalogRepository::toSpec);
    }

    @Override
    public void saveNode(Node node) {
        dynamo.putItem(PutItemRequest.builder().tableName(tables.catalog()).item(Attr.item()
                .put("pk", Attr.s(NODES)).put("sk", Attr.s(node.nodeId()))
                .s("nodeId", node.nodeId()).s("name", node.name()).s("region", node.region())
                .s("city", node.city())
                .put("latitude", degrees(node.latitude())).put("longitude", degrees(node.longitude()))
                .s("status", node.status())
                .build()).build());
    }

    @Override
    public Optional<Seen> specForChange(String nodeId, String specId) {
        return get(specKey(nodeId, specId)).map(item -> new Seen(toSpec(item), item.n("specVersion", 0)));
    }

    @Override
    public Optional<Spec> replaceSpec(Spec wanted, Optional<Seen> seen) {
        long version = seen.map(Seen::version).orElse(0L);
        int delta = wanted.stock() - seen.map(s -> s.spec().stock()).orElse(0);
        Hardware hw = wanted.hardware();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":name", Attr.s(wanted.name()), ":cpuModel", Attr.s(hw.cpu().model()),
                ":cpuCores", Attr.n(hw.cpu().cores()), ":memory", Attr.n(hw.memoryGiB()),
                ":disks", disks(hw.disks()), ":bandwidth", Attr.n(hw.bandwidthMbps()),
                ":monthly", Attr.fen(wanted.monthlyPrice()), ":yearly", Attr.fen(wanted.yearlyPrice()),
                ":hourly", Attr.fen(wanted.hourlyPrice()), ":next", Attr.n(version + 1)));
        values.put(":nodeId", Attr.s(wanted.nodeId()));
        values.put(":specId", Attr.s(wanted.specId()));
        values.put(":delta", Attr.n(delta));
        values.put(":zero", Attr.n(0));
        String condition;
        if (seen.isEmpty()) {
            condition = "attribute_not_exists(pk)"; // a new spec: nobody created it meanwhile
        } else {
            // C2: no other operator write since the read, and the stock never goes below zero
            values.put(":negDelta", Attr.n(-delta));
            condition = (version == 0 ? "attribute_not_exists(specVersion)" : "specVersion = :seenVersion")
                    + " AND stock >= :negDelta";
            if (version != 0) {
                values.put(":seenVersion", Attr.n(version));
            }
        }
        try {
            Map<String, AttributeValue> written = dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(tables.catalog()).key(specKey(wanted.nodeId(), wanted.specId()))
                    .updateExpression("SET nodeId = :nodeId, specId = :specId, #name = :name, cpuModel = :cpuModel,"
                            + " cpuCores = :cpuCores, memoryGiB = :memory, disks = :disks, bandwidthMbps = :bandwidth,"
                            + " monthlyPriceFen = :monthly, yearlyPriceFen = :yearly, hourlyPriceFen = :hourly,"
                            + " specVersion = :next, stock = if_not_exists(stock, :zero) + :delta"
                            + " REMOVE description")
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#name", "name"))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW).build()).attributes();
            return Optional.of(toSpec(new Item(written)));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return Optional.empty();
        }
    }

    private static AttributeValue degrees(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
    }

    private static AttributeValue disks(List<Hardware.Disk> disks) {
        return AttributeValue.fromL(disks.stream().map(d -> AttributeValue.fromM(Map.of(
                "type", Attr.s(d.type().name()), "sizeGiB", Attr.n(d.sizeGiB()), "count", Attr.n(d.count()))))
                .toList());
    }

    private Optional<Item> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(tables.catalog()).key(key).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new Item(item));
    }

    private List<Item> query(String pk, String skPrefix) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(tables.catalog());
        if (skPrefix == null) {
            query.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", Attr.s(pk)));
        } else {
            query.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(pk), ":prefix", Attr.s(skPrefix)));
        }
        return dynamo.queryPaginator(query.build()).items().stream().map(Item::new).toList();
    }

    private static Node toNode(Item item) {
        return new Node(item.s("nodeId"), item.s("name"), item.s("region"), item.s("city"),
                item.degrees("latitude"), item.degrees("longitude"), item.enumValue("status", NodeStatus.class));
    }

    private static Spec toSpec(Item item) {
        Hardware hardware = new Hardware(new Hardware.Cpu(item.s("cpuModel"), (int) item.n("cpuCores", 0)),
                (int) item.n("memoryGiB", 0), disksOf(item.map().get("disks")), (int) item.n("bandwidthMbps", 0));
        return new Spec(item.s("nodeId"), item.s("specId"), item.s("name"), hardware,
                item.fen("monthlyPriceFen"), item.fen("yearlyPriceFen"), item.fen("hourlyPriceFen"),
                (int) item.n("stock", 0));
    }

    private static List<Hardware.Disk> disksOf(AttributeValue disks) {
        if (disks == null || !disks.hasL()) {
            return List.of();
        }
        return disks.l().stream().map(d -> new Hardware.Disk(DiskType.valueOf(d.m().get("type").s()),
                Integer.parseInt(d.m().get("sizeGiB").n()), Integer.parseInt(d.m().get("count").n()))).toList();
    }
}
