package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.metering.ArrearsStore;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillStatus;
import com.edgecloud.billing.wallet.WalletChange;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** G5: a settlement as one TransactWriteItems: wallet and ledger, bills UNPAID → PAID, instances resumed. */
public final class DynamoArrearsStore implements ArrearsStore {

    private final DynamoDbClient dynamo;
    private final TableNames tables;
    private final WalletWrites wallet;

    public DynamoArrearsStore(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.wallet = new WalletWrites(tables);
    }

    @Override
    public void settle(WalletChange walletChange, List<Bill> paid, List<Instance> resumed) {
        Transaction tx = new Transaction();
        wallet.add(tx, walletChange);
        for (Bill bill : paid) {
            // The PAID item has no UnpaidByAccount keys: it leaves the arrears index.
            tx.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.bills()).item(BillItems.item(bill))
                    .conditionExpression("#status = :unpaid")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":unpaid", Attr.s(BillStatus.UNPAID.name())))
                    .build()).build(), () -> new ConcurrentUpdateException("bill " + bill.id() + " settled meanwhile"));
        }
        for (Instance instance : resumed) {
            tx.add(TransactWriteItem.builder().put(InstanceItems.versionedPut(tables.instances(), instance)).build(),
                    () -> new ConcurrentUpdateException("instance " + instance.id() + " changed since read"));
        }
        tx.execute(dynamo);
    }
}
