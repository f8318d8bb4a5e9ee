package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

public final class DynamoBillRepository implements BillRepository {

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoBillRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public Page<Bill> listByInstance(String instanceId, int limit, String nextToken) {
        return PartitionPages.of(dynamo, tables.bills(), instanceId, true, limit, nextToken, BillItems::toBill);
    }

    @Override
    public List<Bill> unpaidByAccount(String accountId) {
        return dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(tables.bills())
                        .indexName(Tables.BILLS_UNPAID_BY_ACCOUNT)
                        .keyConditionExpression(BillItems.UNPAID_ACCOUNT + " = :a")
                        .expressionAttributeValues(Map.of(":a", Attr.s(accountId)))
                        .build())
                .items().stream().map(item -> BillItems.toBill(new Item(item))).toList();
    }

    @Override
    public Optional<Bill> find(String instanceId, Instant periodStart) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tables.bills()).consistentRead(true)
                .key(Map.of("instanceId", Attr.s(instanceId), "sk", Attr.instant(periodStart)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(BillItems.toBill(new Item(item)));
    }
}
