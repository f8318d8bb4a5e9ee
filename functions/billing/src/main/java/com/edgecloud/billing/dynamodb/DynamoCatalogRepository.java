package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.catalog.Spec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

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
                .s("status", node.status())
                .build()).build());
    }

    @Override
    public void saveSpec(Spec spec) {
        dynamo.putItem(PutItemRequest.builder().tableName(tables.catalog()).item(Attr.item()
                .put("pk", Attr.s("NODE#" + spec.nodeId())).put("sk", Attr.s("SPEC#" + spec.specId()))
                .s("nodeId", spec.nodeId()).s("specId", spec.specId())
                .s("name", spec.name()).s("description", spec.description())
                .fen("monthlyPriceFen", spec.monthlyPrice()).fen("yearlyPriceFen", spec.yearlyPrice())
                .fen("hourlyPriceFen", spec.hourlyPrice())
                .n("stock", spec.stock())
                .build()).build());
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
        return new Node(item.s("nodeId"), item.s("name"), item.s("region"), item.enumValue("status", NodeStatus.class));
    }

    private static Spec toSpec(Item item) {
        return new Spec(item.s("nodeId"), item.s("specId"), item.s("name"), item.s("description"),
                item.fen("monthlyPriceFen"), item.fen("yearlyPriceFen"), item.fen("hourlyPriceFen"),
                (int) item.n("stock", 0));
    }
}
