package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.instance.Instance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * For tests of other modules: writes an instance straight into the Instances table in the
 * very item format the repositories use ({@link InstanceItems}), without a purchase.
 */
public final class InstanceItemsForTests {

    private InstanceItemsForTests() {
    }

    public static Instance put(DynamoDbClient dynamo, TableNames tables, Instance instance) {
        dynamo.putItem(PutItemRequest.builder().tableName(tables.instances()).item(InstanceItems.item(instance)).build());
        return instance;
    }
}
