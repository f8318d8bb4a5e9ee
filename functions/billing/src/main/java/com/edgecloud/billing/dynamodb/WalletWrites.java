package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.WalletChange;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The transaction items of a {@link WalletChange} (A4): one update of the account item, moving
 * its wallet version under an optimistic lock, and the ledger entries. The coupons are written
 * as one map value (only those still usable), so a charge drawing 350 coupons is as short an
 * expression as one drawing none, and the item never grows with dead coupons.
 */
final class WalletWrites {

    private final TableNames tables;

    WalletWrites(TableNames tables) {
        this.tables = tables;
    }

    void add(Transaction tx, WalletChange change) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#version", DynamoAccountRepository.WALLET_VERSION);
        values.put(":read", Attr.n(change.fromVersion()));
        String condition = "#version = :read";
        if (change.requiresPurchaseRights()) {
            // A1 in the commit's condition: an account deactivated since the plan is not charged.
            condition += " AND activated = :true AND verification IN (:personal, :enterprise)";
            values.put(":true", AttributeValue.fromBool(true));
            values.put(":personal", Attr.s(Verification.PERSONAL.name()));
            values.put(":enterprise", Attr.s(Verification.ENTERPRISE.name()));
        }
        String accountId = change.accountId();
        if (!change.movesMoney()) {
            tx.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                    .tableName(tables.accounts()).key(DynamoAccountRepository.key(accountId))
                    .conditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values).build()).build(), () -> moved(accountId));
            return;
        }
        if (change.after().cash().isNegative()) {
            throw new IllegalStateException("A4: cash never goes below zero");
        }
        Map<String, AttributeValue> coupons = new LinkedHashMap<>();
        for (Coupon coupon : change.after().coupons()) {
            coupons.put(coupon.id(), AttributeValue.fromM(WalletItems.coupon(coupon)));
        }
        names.put("#cash", DynamoAccountRepository.CASH);
        names.put("#coupons", DynamoAccountRepository.COUPONS);
        values.put(":cash", Attr.fen(change.after().cash()));
        values.put(":coupons", AttributeValue.fromM(coupons));
        values.put(":next", Attr.n(change.after().version()));
        tx.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(tables.accounts()).key(DynamoAccountRepository.key(accountId))
                .updateExpression("SET #cash = :cash, #coupons = :coupons, #version = :next")
                .conditionExpression(condition).expressionAttributeNames(names)
                .expressionAttributeValues(values).build()).build(), () -> moved(accountId));
        for (LedgerEntry entry : change.entries()) {
            tx.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(tables.wallet()).item(WalletItems.entry(accountId, entry))
                    .conditionExpression("attribute_not_exists(sk)")
                    .build()).build(), () -> new ConcurrentUpdateException("ledger entry " + entry.sequence() + " exists"));
        }
    }

    /** The wallet moved, or (A1) the account lost its purchase rights: plan again from a fresh read. */
    private static ConcurrentUpdateException moved(String accountId) {
        return new ConcurrentUpdateException("wallet of " + accountId + " moved");
    }
}
