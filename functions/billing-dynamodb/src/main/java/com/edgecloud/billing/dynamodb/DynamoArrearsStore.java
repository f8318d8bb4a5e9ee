package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.metering.ArrearsStore;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.wallet.WalletChange;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** G5: a settlement as one TransactWriteItems: wallet and ledger, bills UNPAID → PAID, instances resumed. */
public final class DynamoArrearsStore implements ArrearsStore {

    private final TypedTables tables;
    private final WalletWrites wallet;

    public DynamoArrearsStore(DynamoDbClient dynamo, TableNames tables) {
        this.tables = new TypedTables(dynamo, tables);
        this.wallet = new WalletWrites(this.tables);
    }

    @Override
    public void settle(WalletChange walletChange, List<Bill> paid, List<Instance> resumed) {
        Transaction tx = new Transaction();
        wallet.add(tx, walletChange);
        for (Bill bill : paid) {
            tx.put(tables.bills(), bill, BillItems.STILL_UNPAID,
                    () -> new ConcurrentUpdateException("bill " + bill.id() + " settled meanwhile"));
        }
        for (Instance instance : resumed) {
            InstanceItems.versionedPut(tx, tables, instance);
        }
        tx.execute(tables);
    }
}
