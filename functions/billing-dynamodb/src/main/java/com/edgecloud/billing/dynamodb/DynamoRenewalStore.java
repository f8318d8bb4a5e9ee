package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.renewal.RenewalPlan;
import com.edgecloud.billing.renewal.RenewalStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A renewal is one TransactWriteItems: the idempotent answer (our lease), the wallet under its
 * version with the RENEWAL_CHARGE ledger entry, the new term, the instance under its version
 * (its latest term, state and due point), the RENEW operation record and, for the sweep's renewal
 * (R4, no idempotent answer), its AUTO_RENEWED notification (N2).
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
        if (completion != null) {
            idempotency.completeWithin(tx, completion);
        }
        wallet.add(tx, plan.wallet());
        // R2: a term already starting there means another renewal chained from the same read.
        TermItems.add(tx, tables, plan.term(),
                () -> new ConcurrentUpdateException("term of " + plan.term().instanceId() + " exists"));
        InstanceItems.versionedPut(tx, tables, plan.changed());
        OperationWrites.add(tx, tables, plan.operation(), plan.changed());
        for (OutboxMessage message : plan.messages()) {
            // R4: AUTO_RENEWED's id is fixed by the term it extends: one renewal per term.
            OutboxItems.add(tx, tables, message,
                    () -> new ConcurrentUpdateException("outbox message " + message.id() + " exists"));
        }
        tx.execute(tables);
    }
}
