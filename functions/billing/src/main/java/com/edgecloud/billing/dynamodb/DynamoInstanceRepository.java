package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.ConcurrentUpdateException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

public final class DynamoInstanceRepository implements InstanceRepository {

    /** The key of an item in the ByAccount index: the table's key and the index's. */
    private static final List<String> PAGE_KEY = List.of("instanceId", "accountId", "createdKey");

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoInstanceRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(tables.instances()).key(InstanceItems.key(instanceId)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(InstanceItems.toInstance(new Item(item)));
    }

    @Override
    public void create(Instance instance) {
        try {
            Put put = InstanceItems.newPut(tables.instances(), instance);
            dynamo.putItem(r -> r.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression()));
        } catch (ConditionalCheckFailedException exists) {
            throw new IllegalStateException("instance " + instance.id() + " exists");
        }
    }

    @Override
    public Instance update(Instance changed) {
        Put put = InstanceItems.versionedPut(tables.instances(), changed);
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeValues(put.expressionAttributeValues()).build());
        } catch (ConditionalCheckFailedException moved) {
            throw new ConcurrentUpdateException("instance " + changed.id() + " changed since read");
        }
        return changed.next();
    }

    @Override
    public Page<Instance> listByAccount(String accountId, int limit, String nextToken) {
        QueryResponse page = dynamo.query(QueryRequest.builder()
                .tableName(tables.instances())
                .indexName(Tables.INSTANCES_BY_ACCOUNT)
                .keyConditionExpression("accountId = :a")
                .expressionAttributeValues(Map.of(":a", Attr.s(accountId)))
                .scanIndexForward(false)
                .limit(PageToken.fetchSize(limit))
                .exclusiveStartKey(PageToken.decode(nextToken, "accountId", accountId, PAGE_KEY))
                .build());
        return PageToken.page(page.items(), limit, PAGE_KEY, item -> InstanceItems.toInstance(new Item(item)));
    }
}
