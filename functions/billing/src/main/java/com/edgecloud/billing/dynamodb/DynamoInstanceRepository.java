package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

public final class DynamoInstanceRepository implements InstanceRepository {

    /** The key of an item in the ByAccount index: the table's key and the index's. */
    private static final List<String> PAGE_KEY = List.of(InstanceItems.ID.name(), InstanceItems.ACCOUNT.name(),
            InstanceItems.CREATED_KEY.name());

    private final DynamoDbTable<Instance> instances;

    public DynamoInstanceRepository(DynamoDbClient dynamo, TableNames tables) {
        this.instances = new TypedTables(dynamo, tables).instances();
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        return Optional.ofNullable(instances.getItem(r -> r.key(k -> k.partitionValue(instanceId)).consistentRead(true)));
    }

    @Override
    public void create(Instance instance) {
        try {
            instances.putItem(r -> r.item(instance).conditionExpression(InstanceItems.isNew()));
        } catch (ConditionalCheckFailedException exists) {
            throw new IllegalStateException("instance " + instance.id() + " exists");
        }
    }

    @Override
    public Instance update(Instance changed) {
        try {
            instances.putItem(r -> r.item(changed.next()).conditionExpression(InstanceItems.stillAt(changed)));
        } catch (ConditionalCheckFailedException moved) {
            throw new ConcurrentUpdateException("instance " + changed.id() + " changed since read");
        }
        return changed.next();
    }

    @Override
    public Page<Instance> listByAccount(String accountId, int limit, String nextToken) {
        List<Instance> fetched = PageToken.firstPage(instances.index(Tables.INSTANCES_BY_ACCOUNT)
                .query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(accountId)))
                        .scanIndexForward(false)
                        .limit(PageToken.fetchSize(limit))
                        .exclusiveStartKey(PageToken.decode(nextToken, InstanceItems.ACCOUNT.name(), accountId, PAGE_KEY))
                        .build()));
        return PageToken.page(fetched, limit, instances.tableSchema(), PAGE_KEY);
    }
}
