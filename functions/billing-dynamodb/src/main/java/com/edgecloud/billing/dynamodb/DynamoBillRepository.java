package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillRepository;
import com.edgecloud.billing.time.ApiTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public final class DynamoBillRepository implements BillRepository {

    private final TypedTables typed;

    public DynamoBillRepository(DynamoDbClient dynamo, TableNames tables) {
        this.typed = new TypedTables(dynamo, tables);
    }

    @Override
    public Page<Bill> listByInstance(String instanceId, int limit, String nextToken) {
        return PartitionPages.of(typed.bills(), instanceId, true, limit, nextToken);
    }

    @Override
    public List<Bill> unpaidByAccount(String accountId) {
        return typed.bills().index(Tables.BILLS_UNPAID_BY_ACCOUNT)
                .query(QueryConditional.keyEqualTo(k -> k.partitionValue(accountId)))
                .stream().flatMap(page -> page.items().stream()).toList();
    }

    @Override
    public Optional<Bill> find(String instanceId, Instant periodStart) {
        return Optional.ofNullable(typed.bills().getItem(r -> r.consistentRead(true)
                .key(k -> k.partitionValue(instanceId).sortValue(ApiTime.storage(periodStart)))));
    }
}
