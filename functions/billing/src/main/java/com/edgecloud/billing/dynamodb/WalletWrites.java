package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.wallet.Charge;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.CouponDraw;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.Wallet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The transaction items of a money movement (A4): one update of the account item (cash,
 * coupons, wallet version under an optimistic lock) and the ledger entry. Coupons live in
 * the account item, so a charge drawing any number of them is still two items.
 */
final class WalletWrites {

    private final TableNames tables;

    WalletWrites(TableNames tables) {
        this.tables = tables;
    }

    /** What one movement does to the wallet besides setting the cash. */
    record CouponChanges(List<Coupon> granted, List<CouponDraw> drawn, Map<String, Long> remainingAfter) {

        static CouponChanges none() {
            return new CouponChanges(List.of(), List.of(), Map.of());
        }

        static CouponChanges grant(Coupon coupon) {
            return new CouponChanges(List.of(coupon), List.of(), Map.of());
        }

        /** A3: the coupons a charge draws, and what each has left in the wallet after it. */
        static CouponChanges charge(Charge charge, Wallet after) {
            Map<String, Long> remaining = new HashMap<>();
            for (CouponDraw draw : charge.fromCoupons()) {
                remaining.put(draw.couponId(), after.coupon(draw.couponId()).map(c -> c.remaining().fen()).orElse(0L));
            }
            return new CouponChanges(List.of(), charge.fromCoupons(), remaining);
        }
    }

    /**
     * Sets the cash, applies the coupon changes and moves the wallet from {@code version} to
     * {@code version + 1}, only if nobody moved it since it was read. A coupon drawn to zero
     * leaves the item; its history stays in the ledger.
     */
    void moveWallet(Transaction tx, String accountId, long version, long cashAfterFen, CouponChanges coupons) {
        if (cashAfterFen < 0) {
            throw new IllegalStateException("A4: cash never goes below zero");
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>(List.of(
                DynamoAccountRepository.CASH + " = :cash", DynamoAccountRepository.WALLET_VERSION + " = :next"));
        List<String> remove = new ArrayList<>();
        values.put(":cash", Attr.n(cashAfterFen));
        values.put(":next", Attr.n(version + 1));
        values.put(":read", Attr.n(version));
        int i = 0;
        for (Coupon coupon : coupons.granted()) {
            names.put("#g" + i, coupon.id());
            values.put(":g" + i, AttributeValue.fromM(WalletItems.coupon(coupon)));
            set.add(DynamoAccountRepository.COUPONS + ".#g" + i + " = :g" + i);
            i++;
        }
        i = 0;
        for (CouponDraw draw : coupons.drawn()) {
            long remaining = coupons.remainingAfter().get(draw.couponId());
            names.put("#d" + i, draw.couponId());
            if (remaining == 0) {
                remove.add(DynamoAccountRepository.COUPONS + ".#d" + i);
            } else {
                values.put(":d" + i, Attr.n(remaining));
                set.add(DynamoAccountRepository.COUPONS + ".#d" + i + ".remainingFen = :d" + i);
            }
            i++;
        }
        Update.Builder update = Update.builder()
                .tableName(tables.accounts()).key(DynamoAccountRepository.key(accountId))
                .updateExpression("SET " + String.join(", ", set)
                        + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove)))
                .conditionExpression(DynamoAccountRepository.WALLET_VERSION + " = :read")
                .expressionAttributeValues(values);
        if (!names.isEmpty()) {
            update.expressionAttributeNames(names);
        }
        tx.add(TransactWriteItem.builder().update(update.build()).build(),
                () -> new ConcurrentUpdateException("wallet of " + accountId + " moved"));
    }

    /** Requires the wallet still at {@code version} without changing it (G1 reads the balance). */
    void checkWallet(Transaction tx, String accountId, long version) {
        tx.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(tables.accounts()).key(DynamoAccountRepository.key(accountId))
                .conditionExpression(DynamoAccountRepository.WALLET_VERSION + " = :read")
                .expressionAttributeValues(Map.of(":read", Attr.n(version)))
                .build()).build(), () -> new ConcurrentUpdateException("wallet of " + accountId + " moved"));
    }

    void record(Transaction tx, String accountId, LedgerEntry entry) {
        tx.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(tables.wallet()).item(WalletItems.entry(accountId, entry))
                .conditionExpression("attribute_not_exists(sk)")
                .build()).build(), () -> new ConcurrentUpdateException("ledger entry " + entry.sequence() + " exists"));
    }
}
