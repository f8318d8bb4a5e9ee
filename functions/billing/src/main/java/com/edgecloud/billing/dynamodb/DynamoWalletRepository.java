package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.wallet.WalletPlan;
import com.edgecloud.billing.wallet.WalletRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

public final class DynamoWalletRepository implements WalletRepository {

    private static final List<String> PAGE_KEY = List.of("accountId", "sk");

    private final DynamoDbClient dynamo;
    private final TableNames tables;
    private final WalletMovements movements;
    private final WalletWrites writes;
    private final DynamoIdempotencyStore idempotency;

    public DynamoWalletRepository(DynamoDbClient dynamo, TableNames tables, WalletMovements movements) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.movements = movements;
        this.writes = new WalletWrites(tables);
        this.idempotency = new DynamoIdempotencyStore(dynamo, tables);
    }

    @Override
    public Page<LedgerEntry> ledger(String accountId, int limit, String nextToken) {
        Map<String, AttributeValue> start = PageToken.decode(nextToken, "accountId", accountId, PAGE_KEY);
        if (start != null && !start.get("sk").s().startsWith(WalletItems.ENTRY)) {
            throw PageToken.invalid(); // outside the ledger: DynamoDB would refuse the query
        }
        QueryResponse page = dynamo.query(QueryRequest.builder()
                .tableName(tables.wallet())
                .keyConditionExpression("accountId = :a AND begins_with(sk, :entry)")
                .expressionAttributeValues(Map.of(":a", Attr.s(accountId), ":entry", Attr.s(WalletItems.ENTRY)))
                .scanIndexForward(false)
                .limit(PageToken.fetchSize(limit))
                .exclusiveStartKey(start)
                .build());
        return PageToken.page(page.items(), limit, PAGE_KEY, item -> WalletItems.toEntry(new Item(item)));
    }

    @Override
    public Coupon grantCoupon(String accountId, Coupon coupon, Instant now, IdempotentCompletion answer) {
        return movements.move(accountId, () -> BillingException.notFound("account " + accountId), account -> {
            WalletPlan plan = new WalletPlan(account, now);
            plan.grant(coupon);
            return () -> {
                Transaction tx = new Transaction();
                writes.add(tx, plan.change());
                if (answer != null) {
                    idempotency.completeWithin(tx, answer);
                }
                tx.execute(dynamo);
                return coupon;
            };
        });
    }

    @Override
    public LedgerEntry recharge(String accountId, Money amount, Instant now) {
        return movements.move(accountId, () -> BillingException.notFound("account " + accountId), account -> {
            WalletPlan plan = new WalletPlan(account, now);
            LedgerEntry entry = plan.credit(amount, LedgerEntryType.RECHARGE, null);
            return () -> {
                Transaction tx = new Transaction();
                writes.add(tx, plan.change());
                tx.execute(dynamo);
                return entry;
            };
        });
    }
}
