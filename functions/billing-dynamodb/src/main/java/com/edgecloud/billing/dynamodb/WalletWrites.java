package com.edgecloud.billing.dynamodb;

import static com.edgecloud.billing.dynamodb.AccountItems.ACTIVATED;
import static com.edgecloud.billing.dynamodb.AccountItems.BALANCE_LOW_WARNED;
import static com.edgecloud.billing.dynamodb.AccountItems.CASH;
import static com.edgecloud.billing.dynamodb.AccountItems.COUPONS;
import static com.edgecloud.billing.dynamodb.AccountItems.RUNNING;
import static com.edgecloud.billing.dynamodb.AccountItems.VERIFICATION;
import static com.edgecloud.billing.dynamodb.AccountItems.WALLET_VERSION;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.WalletChange;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The transaction items of a {@link WalletChange} (A4): one update of the account item, moving
 * its wallet version under an optimistic lock, and the ledger entries. The coupons are written
 * as one map value (only those still usable), so a charge drawing 350 coupons is as short an
 * expression as one drawing none, and the item never grows with dead coupons.
 */
final class WalletWrites {

    private final TypedTables tables;

    WalletWrites(TypedTables tables) {
        this.tables = tables;
    }

    void add(Transaction tx, WalletChange change) {
        String accountId = change.accountId();
        Expression condition = Expression.join(stillAt(change), balanceLowWas(change), " AND ");
        if (!change.writesAccount()) {
            tx.check(tables.accounts(), AccountItems.accountKey(accountId), condition,
                    () -> moved(accountId));
            return;
        }
        if (change.after().cash().isNegative()) {
            throw new IllegalStateException("A4: cash never goes below zero");
        }
        Expression update = accountUpdate(change);
        Map<String, String> names = Expression.joinNames(condition.expressionNames(), update.expressionNames());
        Map<String, AttributeValue> values = Expression.joinValues(condition.expressionValues(),
                update.expressionValues());
        tx.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(tables.accounts().tableName()).key(AccountItems.key(accountId))
                .updateExpression(update.expression())
                .conditionExpression(condition.expression()).expressionAttributeNames(names)
                .expressionAttributeValues(values).build()).build(), () -> moved(accountId));
        for (LedgerEntry entry : change.entries()) {
            tx.put(tables.wallet(), new WalletItems.StoredEntry(accountId, entry), WalletItems.IS_NEW,
                    () -> new ConcurrentUpdateException("ledger entry " + entry.sequence() + " exists"));
        }
    }

    /** The wallet's new cash, coupons and version when money moves; G7's warning state when it changes. */
    private static Expression accountUpdate(WalletChange change) {
        Expression.Builder update = Expression.builder();
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        if (change.movesMoney()) {
            set.add("#cash = :cash").add("#coupons = :coupons").add("#version = :next");
            update.putExpressionName("#cash", CASH.name())
                    .putExpressionName("#coupons", COUPONS.name())
                    .putExpressionName("#version", WALLET_VERSION.name())
                    .putExpressionValue(":cash", CASH.value(change.after().cash()))
                    .putExpressionValue(":coupons", COUPONS.value(WalletItems.couponMap(change.after().coupons())))
                    .putExpressionValue(":next", WALLET_VERSION.value(change.after().version()));
        }
        addRunningChanges(change, set, update);
        if (change.balanceLowWarned() != null) {
            set.add("#balanceLowWarned = :balanceLowWarned");
            update.putExpressionName("#balanceLowWarned", BALANCE_LOW_WARNED.name())
                    .putExpressionValue(":balanceLowWarned", BALANCE_LOW_WARNED.value(change.balanceLowWarned()));
        }
        return update.expression(set.toString()).build();
    }

    /**
     * G7: each spec's count of running pay-by-configuration instances moves by an increment, never
     * set from what was read: a launch does not move the wallet version, so two launches may commit
     * against one version and both must count. The map exists on every account that keeps counts
     * (created with it, {@link DynamoAccountRepository#saveProfile}); others never get changes.
     */
    private static void addRunningChanges(WalletChange change, StringJoiner set, Expression.Builder update) {
        if (change.runningChanges().isEmpty()) {
            return;
        }
        update.putExpressionName("#running", RUNNING.name())
                .putExpressionValue(":noneRunning", AttributeValue.fromN("0"));
        int i = 0;
        for (Map.Entry<String, Long> count : change.runningChanges().entrySet()) {
            String spec = "#runningSpec" + i;
            String by = ":runningBy" + i;
            set.add("#running." + spec + " = if_not_exists(#running." + spec + ", :noneRunning) + " + by);
            update.putExpressionName(spec, count.getKey())
                    .putExpressionValue(by, AttributeValue.fromN(Long.toString(count.getValue())));
            i++;
        }
    }

    /**
     * G7: the warning state changes only from its opposite (Expression.join brackets each side), so of two writers racing on one wallet
     * version (its version does not move without money) only one sends the warning. Null: no condition.
     */
    private static Expression balanceLowWas(WalletChange change) {
        if (change.balanceLowWarned() == null) {
            return null;
        }
        Expression.Builder was = Expression.builder().putExpressionName("#balanceLowWarned", BALANCE_LOW_WARNED.name());
        if (change.balanceLowWarned()) {
            return was.expression("attribute_not_exists(#balanceLowWarned) OR #balanceLowWarned = :wasWarned")
                    .putExpressionValue(":wasWarned", BALANCE_LOW_WARNED.value(false)).build();
        }
        return was.expression("#balanceLowWarned = :wasWarned")
                .putExpressionValue(":wasWarned", BALANCE_LOW_WARNED.value(true)).build();
    }

    /** The wallet still at the version read and, when the change needs them, A1's purchase rights. */
    private static Expression stillAt(WalletChange change) {
        Expression.Builder condition = Expression.builder()
                .putExpressionName("#version", WALLET_VERSION.name())
                .putExpressionValue(":read", WALLET_VERSION.value(change.fromVersion()));
        if (!change.requiresPurchaseRights()) {
            return condition.expression("#version = :read").build();
        }
        // A1 in the commit's condition: an account deactivated since the plan is not charged.
        return condition.expression("#version = :read AND #activated = :true"
                        + " AND #verification IN (:personal, :enterprise)")
                .putExpressionName("#activated", ACTIVATED.name())
                .putExpressionName("#verification", VERIFICATION.name())
                .putExpressionValue(":true", ACTIVATED.value(true))
                .putExpressionValue(":personal", VERIFICATION.value(Verification.PERSONAL))
                .putExpressionValue(":enterprise", VERIFICATION.value(Verification.ENTERPRISE)).build();
    }

    /** The wallet moved, or (A1) the account lost its purchase rights: plan again from a fresh read. */
    private static ConcurrentUpdateException moved(String accountId) {
        return new ConcurrentUpdateException("wallet of " + accountId + " moved");
    }
}
