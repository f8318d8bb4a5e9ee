package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.Page;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.Wallet;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

public final class DynamoWalletRepository implements com.edgecloud.billing.wallet.WalletRepository {

    private static final int MAX_ATTEMPTS = 20;
    private static final java.util.List<String> PAGE_KEY = java.util.List.of("accountId", "sk");

    private final DynamoDbClient dynamo;
    private final TableNames tables;
    private final AccountRepository accounts;
    private final WalletWrites writes;
    private final DynamoIdempotencyStore idempotency;

    public DynamoWalletRepository(DynamoDbClient dynamo, TableNames tables, AccountRepository accounts) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.accounts = accounts;
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
        move(accountId, wallet -> {
            LedgerEntry entry = LedgerEntry.couponGrant(Ids.next("le"), wallet.version() + 1, now, coupon);
            Transaction tx = new Transaction();
            writes.moveWallet(tx, accountId, wallet.version(), wallet.cash().fen(),
                    WalletWrites.CouponChanges.grant(coupon));
            writes.record(tx, accountId, entry);
            if (answer != null) {
                idempotency.completeWithin(tx, answer);
            }
            return tx;
        });
        return coupon;
    }

    @Override
    public LedgerEntry recharge(String accountId, String entryId, Money amount, Instant now) {
        LedgerEntry[] recorded = new LedgerEntry[1];
        move(accountId, wallet -> {
            recorded[0] = LedgerEntry.recharge(entryId, wallet.version() + 1, now, amount);
            Transaction tx = new Transaction();
            writes.moveWallet(tx, accountId, wallet.version(), wallet.credit(amount).cash().fen(),
                    WalletWrites.CouponChanges.none());
            writes.record(tx, accountId, recorded[0]);
            return tx;
        });
        return recorded[0];
    }

    /** Reads the wallet, writes what {@code movement} makes of it, again if it moved meanwhile. */
    private void move(String accountId, Function<Wallet, Transaction> movement) {
        for (int attempt = 1; ; attempt++) {
            Account account = accounts.find(accountId).orElseThrow(() -> BillingException.notFound("account " + accountId));
            try {
                movement.apply(account.wallet()).execute(dynamo);
                return;
            } catch (ConcurrentUpdateException moved) {
                if (attempt == MAX_ATTEMPTS) {
                    throw moved;
                }
            }
        }
    }
}
