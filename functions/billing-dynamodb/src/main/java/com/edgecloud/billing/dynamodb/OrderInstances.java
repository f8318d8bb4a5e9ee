package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import java.util.List;
import java.util.Map;
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
        int fits = fitting(order, instances.size(), tx.size() + reserved);
        for (Instance instance : instances.subList(0, fits)) {
            tx.put(tables.instances(), instance, InstanceItems.isNew(), () -> new IllegalStateException("instance exists"));
            if (monthly) {
                TermItems.add(tx, tables, order.firstTermOf(instance), () -> new IllegalStateException("term exists"));
            }
        }
        return fits;
    }

    /** How many of {@code count} instances (and their terms) fit in a transaction of which {@code used} items are taken. */
    static int fitting(Order order, int count, int used) {
        int itemsPerInstance = order.billingMethod() == BillingMethod.MONTHLY_PACKAGE ? 2 : 1;
        return Math.max(0, Math.min(count, (Transaction.MAX_ITEMS - used) / itemsPerInstance));
    }

    /**
     * The paid order's "incomplete" due mark (OrdersDue {@code ORDER#n}), set in the paying transaction
     * when not all its instances fit, so that the expiry sweep completes it if nothing else does (P2).
     */
    static Due incompleteMark(Order order, int fits, int count) {
        return fits < count ? Due.of(Due.Kind.ORDER, order.id(), order.paidAt()) : null;
    }

    /** Writes the instances left out of the paying transaction, then clears the order's due mark; safe to repeat. */
    static void complete(TypedTables tables, Order order, List<Instance> rest) {
        if (rest.isEmpty()) {
            return; // all written in the paying transaction: no due mark to clear
        }
        writeMissing(tables, order, rest);
        tables.dynamo().updateItem(r -> r.tableName(tables.orders().tableName())
                .key(OrderItems.keyMap(order.id()))
                .updateExpression("REMOVE #dueBucket, #dueAt")
                .conditionExpression("attribute_exists(#orderId) AND #status = :paid")
                .expressionAttributeNames(Map.of("#dueBucket", OrderItems.DUE_BUCKET.name(),
                        "#dueAt", OrderItems.DUE_AT.name(), "#orderId", OrderItems.ID.name(),
                        "#status", OrderItems.STATUS.name()))
                .expressionAttributeValues(Map.of(":paid", OrderItems.STATUS.value(OrderStatus.PAID))));
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
