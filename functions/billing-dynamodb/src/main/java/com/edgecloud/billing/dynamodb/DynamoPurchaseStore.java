package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.PurchasePlan;
import com.edgecloud.billing.purchase.PurchaseStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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

    private final TableNames tables;
    private final TypedTables typed;
    private final CatalogRepository catalog;
    private final WalletWrites wallet;
    private final DynamoIdempotencyStore idempotency;

    public DynamoPurchaseStore(DynamoDbClient dynamo, TableNames tables, CatalogRepository catalog,
                               DynamoIdempotencyStore idempotency) {
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
        tx.check(typed.nodes(), NodeItems.key(order.nodeId()), NodeItems.IS_OPEN, () -> new BillingException(
                ErrorCode.NODE_NOT_OPEN, "Node " + order.nodeId() + " is not open for sale.",
                Map.of("nodeId", order.nodeId())));
        // C2: stock is taken only if enough is left, so concurrent purchases never oversell.
        SpecItems.takeStock(tx, typed, order.nodeId(), order.specId(), order.quantity(),
                () -> catalog.spec(order.nodeId(), order.specId())
                        .map(spec -> (RuntimeException) spec.outOfStock(order.quantity()))
                        .orElseGet(() -> BillingException.notFound("spec " + order.specId())));
        wallet.add(tx, plan.wallet()); // the charge (P2), or that G1's balance still holds
        if (plan.notification() != null) {
            OutboxItems.add(tx, typed, plan.notification(), () -> new IllegalStateException("outbox message exists"));
        }
        if (plan.payment() != null) { // P2: the third-party payment the order waits for
            tx.put(typed.payments(), plan.payment(), PaymentItems.IS_NEW,
                    () -> new IllegalStateException("payment exists"));
        }
        int fits = OrderInstances.addFitting(tx, typed, order, plan.instances(), 1);
        // Not all instances fit: the order is due for completion until materialize wrote the rest.
        Due incomplete = OrderInstances.incompleteMark(order, fits, plan.instances().size());
        tx.put(typed.orders(), new OrderItems.Stored(order, incomplete), OrderItems.IS_NEW,
                () -> new IllegalStateException("order exists"));
        tx.execute(typed);
        return fits;
    }

    @Override
    public void materialize(Order order, List<Instance> instances) {
        OrderInstances.complete(typed, order, instances);
    }

    @Override
    public List<String> incompleteOrders(String bucket, Instant now, int limit) {
        return PageToken.firstPage(typed.orders().index(Tables.ORDERS_DUE).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.sortLessThanOrEqualTo(
                                k -> k.partitionValue(bucket).sortValue(OrderItems.DUE_AT.value(now))))
                        .limit(limit).build()))
                .stream().map(stored -> stored.order().id()).toList();
    }

    @Override
    public Optional<Order> findOrder(String orderId) {
        return Optional.ofNullable(typed.orders().getItem(r -> r.key(OrderItems.key(orderId)).consistentRead(true)))
                .map(OrderItems.Stored::order);
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item,
                                         String key) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(" + key + ")").build()).build();
    }
}
