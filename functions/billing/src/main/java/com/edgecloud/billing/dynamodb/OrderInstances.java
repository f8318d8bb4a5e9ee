package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.purchase.Order;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The instances of a paid order, each with (for a monthly package) its first term (P3), whether
 * paid by balance or by a third party: as many as fit go into the paying transaction, the rest
 * are written right after, each only if absent, so repeating it completes an order cut short.
 */
final class OrderInstances {

    private OrderInstances() {
    }

    /** Adds as many instances (and terms) as fit in {@code tx}, keeping {@code reserved} items free; returns how many. */
    static int addFitting(Transaction tx, TableNames tables, Order order, List<Instance> instances, int reserved) {
        boolean monthly = order.billingMethod() == BillingMethod.MONTHLY_PACKAGE;
        int itemsPerInstance = monthly ? 2 : 1;
        int fits = Math.min(instances.size(), (Transaction.MAX_ITEMS - reserved - tx.size()) / itemsPerInstance);
        for (Instance instance : instances.subList(0, fits)) {
            tx.add(TransactWriteItem.builder().put(InstanceItems.newPut(tables.instances(), instance)).build(),
                    () -> new IllegalStateException("instance exists"));
            if (monthly) {
                TermItems.add(tx, tables, order.firstTermOf(instance), () -> new IllegalStateException("term exists"));
            }
        }
        return fits;
    }

    /** Writes whichever of these instances and first terms are missing; safe to repeat. */
    static void writeMissing(DynamoDbClient dynamo, TableNames tables, Order order, List<Instance> instances) {
        DynamoInstanceRepository repository = new DynamoInstanceRepository(dynamo, tables);
        for (Instance instance : instances) {
            // Conditional, so a repeat (or a retry after a crash) never overwrites a server in use.
            try {
                repository.create(instance);
            } catch (IllegalStateException written) {
                // written before: its first term may still be missing
            }
            if (order.billingMethod() == BillingMethod.MONTHLY_PACKAGE) {
                Put term = TermItems.newPut(tables.terms(), order.firstTermOf(instance));
                try {
                    dynamo.putItem(r -> r.tableName(term.tableName()).item(term.item())
                            .conditionExpression(term.conditionExpression()));
                } catch (ConditionalCheckFailedException written) {
                    continue;
                }
            }
        }
    }
}
