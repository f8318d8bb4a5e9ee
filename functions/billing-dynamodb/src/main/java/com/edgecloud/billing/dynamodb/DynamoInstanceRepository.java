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

    private final TypedTables typed;

    public DynamoInstanceRepository(DynamoDbClient dynamo, TableNames tables) {
        this.typed = new TypedTables(dynamo, tables);
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        return Optional.ofNullable(typed.instances().getItem(r -> r.key(k -> k.partitionValue(instanceId)).consistentRead(true)));
    }

    @Override
    public void create(Instance instance) {
        try {
            typed.instances().putItem(r -> r.item(instance).conditionExpression(InstanceItems.isNew()));
        } catch (ConditionalCheckFailedException exists) {
            throw new IllegalStateException("instance " + instance.id() + " exists");
        }
    }

    @Override
    public Instance update(Instance changed) {
        try {
            typed.instances().putItem(r -> r.item(changed.next()).conditionExpression(InstanceItems.stillAt(changed)));
        } catch (ConditionalCheckFailedException moved) {
            throw new ConcurrentUpdateException("instance " + changed.id() + " changed since read");
        }
        return changed.next();
    }

    @Override
    public Page<Instance> listByAccount(String accountId, int limit, String nextToken) {
        DynamoDbTable<Instance> instances = typed.instances();
        List<Instance> fetched = PageToken.firstPage(instances.index(Tables.INSTANCES_BY_ACCOUNT)
                .query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(accountId)))
                        .scanIndexForward(false)
                        .limit(PageToken.fetchSize(limit))
                        .exclusiveStartKey(PageToken.decode(nextToken, InstanceItems.ACCOUNT.name(), accountId, InstanceItems.BY_ACCOUNT_KEY))
                        .build()));
        return PageToken.page(fetched, limit, instances.tableSchema(), InstanceItems.BY_ACCOUNT_KEY);
    }
}
