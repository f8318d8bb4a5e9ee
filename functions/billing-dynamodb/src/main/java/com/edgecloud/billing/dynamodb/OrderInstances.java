package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.purchase.Order;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The instances of a paid order, each with (for a monthly package) its first term (P3), whether
 * paid by balance or by a third party: as many as fit go into the paying transaction, the rest
 * are written right after, each only if absent, so repeating it completes an order cut short.
 */
final class OrderInstances {

    private OrderInstances() {
    }

    /** Adds as many instances (and terms) as fit in {@code tx}, keeping {@code reserved} items free; returns how many. */
    static int addFitting(Transaction tx, TypedTables tables, Order order, List<Instance> instances, int reserved) {
        boolean monthly = order.billingMethod() == BillingMethod.MONTHLY_PACKAGE;
        int itemsPerInstance = monthly ? 2 : 1;
        int fits = Math.min(instances.size(), (Transaction.MAX_ITEMS - reserved - tx.size()) / itemsPerInstance);
        for (Instance instance : instances.subList(0, fits)) {
            tx.put(tables.instances(), instance, InstanceItems.isNew(), () -> new IllegalStateException("instance exists"));
            if (monthly) {
                TermItems.add(tx, tables, order.firstTermOf(instance), () -> new IllegalStateException("term exists"));
            }
        }
        return fits;
    }

    /** Writes whichever of these instances and first terms are missing; safe to repeat. */
    static void writeMissing(TypedTables tables, Order order, List<Instance> instances) {
        for (Instance instance : instances) {
            // Conditional, so a repeat (or a retry after a crash) never overwrites a server in use.
            putIfAbsent(() -> tables.instances().putItem(r -> r.item(instance).conditionExpression(InstanceItems.isNew())));
            if (order.billingMethod() == BillingMethod.MONTHLY_PACKAGE) {
                putIfAbsent(() -> tables.terms().putItem(r -> r.item(order.firstTermOf(instance))
                        .conditionExpression(TermItems.IS_NEW)));
            }
        }
    }

    private static void putIfAbsent(Runnable put) {
        try {
            put.run();
        } catch (ConditionalCheckFailedException written) {
            // written before
        }
    }
}
