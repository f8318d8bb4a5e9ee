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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

public final class DynamoWalletRepository implements WalletRepository {


    private final TypedTables tables;
    private final WalletMovements movements;
    private final WalletWrites writes;
    private final DynamoIdempotencyStore idempotency;

    public DynamoWalletRepository(DynamoDbClient dynamo, TableNames tables, WalletMovements movements) {
        this.tables = new TypedTables(dynamo, tables);
        this.movements = movements;
        this.writes = new WalletWrites(this.tables);
        this.idempotency = new DynamoIdempotencyStore(dynamo, tables);
    }

    @Override
    public Page<LedgerEntry> ledger(String accountId, int limit, String nextToken) {
        Map<String, AttributeValue> start = PageToken.decode(nextToken, WalletItems.ACCOUNT.name(), accountId, WalletItems.KEY);
        if (start != null && !start.get(WalletItems.SK.name()).s().startsWith(WalletItems.ENTRY)) {
            throw PageToken.invalid(); // outside the ledger: DynamoDB would refuse the query
        }
        DynamoDbTable<WalletItems.StoredEntry> wallet = tables.wallet();
        List<WalletItems.StoredEntry> fetched = PageToken.firstPage(wallet.query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(
                        k -> k.partitionValue(accountId).sortValue(WalletItems.ENTRY)))
                .scanIndexForward(false)
                .limit(PageToken.fetchSize(limit))
                .exclusiveStartKey(start)
                .build()));
        Page<WalletItems.StoredEntry> page = PageToken.page(fetched, limit, wallet.tableSchema(), WalletItems.KEY);
        return new Page<>(page.items().stream().map(WalletItems.StoredEntry::entry).toList(), page.nextToken());
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
                tx.execute(tables);
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
                tx.execute(tables);
                return entry;
            };
        });
    }
}
