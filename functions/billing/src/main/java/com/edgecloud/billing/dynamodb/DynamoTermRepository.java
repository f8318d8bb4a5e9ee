package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.instance.TermRepository;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

public final class DynamoTermRepository implements TermRepository {

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoTermRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public Page<Term> list(String instanceId, int limit, String nextToken) {
        QueryResponse page = dynamo.query(QueryRequest.builder()
                .tableName(tables.terms())
                .keyConditionExpression("instanceId = :i")
                .expressionAttributeValues(Map.of(":i", Attr.s(instanceId)))
                .scanIndexForward(true)
                .consistentRead(true)
                .limit(PageToken.fetchSize(limit))
                .exclusiveStartKey(PageToken.decode(nextToken, "instanceId", instanceId, TermItems.PAGE_KEY))
                .build());
        return PageToken.page(page.items(), limit, TermItems.PAGE_KEY, item -> TermItems.toTerm(new Item(item)));
    }
}
