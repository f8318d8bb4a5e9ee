package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.renewal.RenewalPlan;
import com.edgecloud.billing.renewal.RenewalStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A renewal is one TransactWriteItems: the idempotent answer (our lease), the wallet under its
 * version with the RENEWAL_CHARGE ledger entry, the new term, the instance under its version
 * (its latest term, state and due point) and the RENEW operation record.
 */
public final class DynamoRenewalStore implements RenewalStore {

    private final TypedTables tables;
    private final WalletWrites wallet;
    private final DynamoIdempotencyStore idempotency;

    public DynamoRenewalStore(DynamoDbClient dynamo, TableNames tables, DynamoIdempotencyStore idempotency) {
        this.tables = new TypedTables(dynamo, tables);
        this.wallet = new WalletWrites(this.tables);
        this.idempotency = idempotency;
    }

    @Override
    public void commit(RenewalPlan plan, IdempotentCompletion completion) {
        Transaction tx = new Transaction();
        idempotency.completeWithin(tx, completion);
        wallet.add(tx, plan.wallet());
        // R2: a term already starting there means another renewal chained from the same read.
        TermItems.add(tx, tables, plan.term(),
                () -> new ConcurrentUpdateException("term of " + plan.term().instanceId() + " exists"));
        InstanceItems.versionedPut(tx, tables, plan.changed());
        OperationWrites.add(tx, tables, plan.operation(), plan.changed());
        tx.execute(tables);
    }
}
