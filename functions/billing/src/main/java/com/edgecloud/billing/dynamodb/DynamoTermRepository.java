package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.instance.TermRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public final class DynamoTermRepository implements TermRepository {

    private final DynamoDbTable<Term> terms;

    public DynamoTermRepository(DynamoDbClient dynamo, TableNames tables) {
        this.terms = new TypedTables(dynamo, tables).terms();
    }

    @Override
    public Page<Term> list(String instanceId, int limit, String nextToken) {
        return PartitionPages.of(terms, instanceId, true, limit, nextToken);
    }
}
