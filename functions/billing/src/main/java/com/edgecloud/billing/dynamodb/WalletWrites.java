package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.wallet.Charge;
import com.edgecloud.billing.wallet.CouponDraw;
import com.edgecloud.billing.wallet.LedgerEntry;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The transaction items of a money movement (A4): the account's cash and wallet version
 * under an optimistic lock, each coupon drawn under its own version, the ledger entry.
 */
final class WalletWrites {

    private final TableNames tables;

    WalletWrites(TableNames tables) {
        this.tables = tables;
    }

    /** Sets the cash and moves the wallet from {@code version} to {@code version + 1}. */
    void moveWallet(Transaction tx, String accountId, long version, long cashAfterFen) {
        if (cashAfterFen < 0) {
            throw new IllegalStateException("A4: cash never goes below zero");
        }
        tx.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(tables.accounts()).key(DynamoAccountRepository.key(accountId))
                .updateExpression("SET " + DynamoAccountRepository.CASH + " = :cash, "
                        + DynamoAccountRepository.WALLET_VERSION + " = :next")
                .conditionExpression(DynamoAccountRepository.WALLET_VERSION + " = :read")
                .expressionAttributeValues(Map.of(":cash", Attr.n(cashAfterFen), ":next", Attr.n(version + 1),
                        ":read", Attr.n(version)))
                .build()).build(), () -> new ConcurrentUpdateException("wallet of " + accountId + " moved"));
    }

    /** Requires the wallet still at {@code version} without changing it (G1 reads the balance). */
    void checkWallet(Transaction tx, String accountId, long version) {
        tx.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(tables.accounts()).key(DynamoAccountRepository.key(accountId))
                .conditionExpression(DynamoAccountRepository.WALLET_VERSION + " = :read")
                .expressionAttributeValues(Map.of(":read", Attr.n(version)))
                .build()).build(), () -> new ConcurrentUpdateException("wallet of " + accountId + " moved"));
    }

    /** A3: takes each coupon's part of the charge, if the coupon is as it was read. */
    void drawCoupons(Transaction tx, String accountId, Charge charge) {
        for (CouponDraw draw : charge.fromCoupons()) {
            tx.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(tables.wallet())
                    .key(Map.of("accountId", Attr.s(accountId), "sk", Attr.s(WalletItems.COUPON + draw.couponId())))
                    .updateExpression("SET remainingFen = remainingFen - :amount, version = :next")
                    .conditionExpression("version = :read AND remainingFen >= :amount")
                    .expressionAttributeValues(Map.of(":amount", Attr.fen(draw.amount()),
                            ":next", Attr.n(draw.couponVersion() + 1), ":read", Attr.n(draw.couponVersion())))
                    .build()).build(), () -> new ConcurrentUpdateException("coupon " + draw.couponId() + " moved"));
        }
    }

    void record(Transaction tx, String accountId, LedgerEntry entry) {
        tx.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tables.wallet()).item(WalletItems.entry(accountId, entry))
                .conditionExpression("attribute_not_exists(sk)")
                .build()).build(), () -> new ConcurrentUpdateException("ledger entry " + entry.sequence() + " exists"));
    }
}
