package com.edgecloud.billing.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link DynamoRepositoriesContract} on the in-memory DynamoDB Local: runs everywhere, no Docker needed. */
class DynamoRepositoriesLocalTest extends DynamoRepositoriesContract {

    @Override
    DynamoDbClient client() {
        return DynamoDbLocal.shared().client();
    }

    @Override
    TableNames tables() {
        return TableNames.defaults();
    }
}
