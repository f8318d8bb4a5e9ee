package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.instance.TermRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public final class DynamoTermRepository implements TermRepository {

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoTermRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public Page<Term> list(String instanceId, int limit, String nextToken) {
        return PartitionPages.of(dynamo, tables.terms(), instanceId, true, limit, nextToken, TermItems::toTerm);
    }
}
