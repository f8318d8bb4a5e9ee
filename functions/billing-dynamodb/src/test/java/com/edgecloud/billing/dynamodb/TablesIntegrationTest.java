package com.edgecloud.billing.dynamodb;

import com.edgecloud.dynamodblocal.DynamoDbLocal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TablesIntegrationTest {

    @Test
    void everyTableIsCreatedWithItsIndexes() {
        DynamoDbLocal dynamo = DynamoDbLocal.shared(Tables::createAll);
        List<String> names = dynamo.client().listTables().tableNames();
        TableNames defaults = TableNames.defaults();
        for (String table : List.of(defaults.accounts(), defaults.wallet(), defaults.catalog(), defaults.orders(),
                defaults.instances(), defaults.idempotency(), defaults.outbox())) {
            assertTrue(names.contains(table), table + " missing from " + names);
        }
        TableDescription instances = dynamo.client()
                .describeTable(DescribeTableRequest.builder().tableName(defaults.instances()).build()).table();
        assertEquals(List.of(Tables.INSTANCES_BY_ACCOUNT, Tables.INSTANCES_DUE),
                instances.globalSecondaryIndexes().stream().map(i -> i.indexName()).sorted().toList());
    }
}
