package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.PurchasePlan;
import com.edgecloud.billing.purchase.PurchaseStore;
import com.edgecloud.billing.purchase.OrderStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A purchase is one TransactWriteItems: idempotent answer, node still open, stock taken,
 * wallet and coupons under their versions, ledger entry, order, outbox message and the
 * instances with, for a monthly package, each one's first term (P3); a THIRD_PARTY order: its
 * payment instead of a charge and instances. A transaction holds at most 100 items, so an order
 * of more servers than fit commits its first instances (and their terms) with everything else
 * and writes the rest right after
 * ({@link #materialize}); their ids are fixed in the committed order, so a retry of the
 * same Idempotency-Key completes them.
 */
public final class DynamoPurchaseStore implements PurchaseStore {

    private final DynamoDbClient dynamo;
    private final TableNames tables;
    private final TypedTables typed;
    private final CatalogRepository catalog;
    private final WalletWrites wallet;
    private final DynamoIdempotencyStore idempotency;

    public DynamoPurchaseStore(DynamoDbClient dynamo, TableNames tables, CatalogRepository catalog,
                               DynamoIdempotencyStore idempotency) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.typed = new TypedTables(dynamo, tables);
        this.catalog = catalog;
        this.wallet = new WalletWrites(typed);
        this.idempotency = idempotency;
    }

    @Override
    public int commit(PurchasePlan plan, IdempotentCompletion completion) {
        Order order = plan.order();
        Transaction tx = new Transaction();
        idempotency.completeWithin(tx, completion);
        tx.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(tables.catalog()).key(DynamoCatalogRepository.nodeKey(order.nodeId()))
                .conditionExpression("#status = :open")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":open", Attr.s(NodeStatus.OPEN.name())))
                .build()).build(), () -> new BillingException(ErrorCode.NODE_NOT_OPEN,
                "Node " + order.nodeId() + " is not open for sale.", Map.of("nodeId", order.nodeId())));
        // C2: stock is taken only if enough is left, so concurrent purchases never oversell.
        tx.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(tables.catalog()).key(DynamoCatalogRepository.specKey(order.nodeId(), order.specId()))
                .updateExpression("SET stock = stock - :q")
                .conditionExpression("stock >= :q")
                .expressionAttributeValues(Map.of(":q", Attr.n(order.quantity())))
                .build()).build(), () -> catalog.spec(order.nodeId(), order.specId())
                .map(spec -> (RuntimeException) spec.outOfStock(order.quantity()))
                .orElseGet(() -> BillingException.notFound("spec " + order.specId())));
        wallet.add(tx, plan.wallet()); // the charge (P2), or that G1's balance still holds
        if (plan.notification() != null) {
            tx.add(put(tables.outbox(), OrderItems.outbox(plan.notification()), "id"),
                    () -> new IllegalStateException("outbox message exists"));
        }
        if (plan.payment() != null) { // P2: the third-party payment the order waits for
            tx.put(typed.payments(), plan.payment(), PaymentItems.IS_NEW,
                    () -> new IllegalStateException("payment exists"));
        }
        int fits = OrderInstances.addFitting(tx, new TypedTables(dynamo, tables), order, plan.instances(), 1);
        Map<String, AttributeValue> orderItem = new HashMap<>(OrderItems.order(order));
        if (fits < plan.instances().size()) {
            // Not all instances fit: the order is due for completion until materialize wrote the rest.
            Due mark = Due.of(Due.Kind.ORDER, order.id(), order.paidAt());
            orderItem.put("dueBucket", Attr.s(mark.bucket()));
            orderItem.put("dueAt", Attr.instant(mark.at()));
        }
        tx.add(put(tables.orders(), orderItem, "orderId"), () -> new IllegalStateException("order exists"));
        tx.execute(dynamo);
        return fits;
    }

    @Override
    public void materialize(Order order, List<Instance> instances) {
        if (instances.isEmpty()) {
            return; // all written in the commit: no due mark to clear
        }
        OrderInstances.writeMissing(new TypedTables(dynamo, tables), order, instances);
        dynamo.updateItem(r -> r.tableName(tables.orders()).key(Map.of("orderId", Attr.s(order.id())))
                .updateExpression("REMOVE dueBucket, dueAt")
                .conditionExpression("attribute_exists(orderId) AND #status = :paid")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":paid", Attr.s(OrderStatus.PAID.name()))));
    }

    @Override
    public List<String> incompleteOrders(String bucket, Instant now, int limit) {
        return dynamo.query(r -> r.tableName(tables.orders()).indexName(Tables.ORDERS_DUE)
                        .keyConditionExpression("dueBucket = :b AND dueAt <= :now")
                        .expressionAttributeValues(Map.of(":b", Attr.s(bucket), ":now", Attr.instant(now)))
                        .limit(limit))
                .items().stream().map(item -> item.get("orderId").s()).toList();
    }

    @Override
    public Optional<Order> findOrder(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(tables.orders())
                .key(Map.of("orderId", Attr.s(orderId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OrderItems.toOrder(new Item(item)));
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item,
                                         String key) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(" + key + ")").build()).build();
    }
}
