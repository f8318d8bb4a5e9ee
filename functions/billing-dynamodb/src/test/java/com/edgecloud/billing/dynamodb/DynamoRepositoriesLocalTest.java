package com.edgecloud.billing.dynamodb;

import com.edgecloud.dynamodblocal.DynamoDbLocal;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link DynamoRepositoriesContract} on the in-memory DynamoDB Local: runs everywhere, no Docker needed. */
class DynamoRepositoriesLocalTest extends DynamoRepositoriesContract {

    @Override
    DynamoDbClient client() {
        return DynamoDbLocal.shared(Tables::createAll).client();
    }

    @Override
    TableNames tables() {
        return TableNames.defaults();
    }
}
