package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.instance.TermRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public final class DynamoTermRepository implements TermRepository {

    private final TypedTables typed;

    public DynamoTermRepository(DynamoDbClient dynamo, TableNames tables) {
        this.typed = new TypedTables(dynamo, tables);
    }

    @Override
    public Page<Term> list(String instanceId, int limit, String nextToken) {
        return PartitionPages.of(typed.terms(), instanceId, true, limit, nextToken);
    }
}
