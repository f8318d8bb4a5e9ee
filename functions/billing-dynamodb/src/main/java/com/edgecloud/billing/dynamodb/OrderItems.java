package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.OrderCancellations;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.TermDuration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of the Orders table. The duration is stored flat ({@code durationUnit}/{@code durationCount},
 * absent for pay-by-configuration). The sparse OrdersDue keys {@code dueBucket}/{@code dueAt} are
 * there only while the order has something due: {@code PENDING_PAYMENT} until the payment window
 * ends (P2), or the {@code ORDER#n} mark of a paid order whose instances are not all written yet.
 */
final class OrderItems {

    /** The one partition of OrdersDue: unpaid orders are few and short-lived. */
    static final String PENDING_PAYMENT_BUCKET = OrderCancellations.BUCKET;

    /** An order as stored: with the mark of a paid order left short of instances, or null. */
    record Stored(Order order, Due incomplete) {

        Stored(Order order) {
            this(order, null);
        }

        /** What OrdersDue holds it for, if anything. */
        Due due() {
            if (incomplete != null) {
                return incomplete;
            }
            return order.status() == OrderStatus.PENDING_PAYMENT
                    ? new Due(PENDING_PAYMENT_BUCKET, order.createdAt().plus(OrderCancellations.PAYMENT_WINDOW))
                    : null;
        }
    }

    private static final ItemSchema<Stored> S = ItemSchema.of(Stored.class);
    static final Column<String> ID = S.text("orderId", s -> s.order().id(), primaryPartitionKey());
    static final Column<String> ACCOUNT = S.text("accountId", s -> s.order().accountId());
    static final Column<OrderStatus> STATUS = S.enumerated("status", OrderStatus.class, s -> s.order().status());
    static final Column<Money> AMOUNT = S.fen("amountFen", s -> s.order().amount());
    static final Column<PaymentMethod> PAYMENT_METHOD = S.enumerated("paymentMethod", PaymentMethod.class,
            s -> s.order().paymentMethod());
    static final Column<String> PAYMENT = S.text("paymentId", s -> s.order().paymentId());
    static final Column<String> NODE = S.text("nodeId", s -> s.order().nodeId());
    static final Column<String> SPEC = S.text("specId", s -> s.order().specId());
    static final Column<Integer> QUANTITY = S.integer("quantity", s -> s.order().quantity());
    static final Column<BillingMethod> BILLING_METHOD = S.enumerated("billingMethod", BillingMethod.class,
            s -> s.order().billingMethod());
    static final Column<DurationUnit> DURATION_UNIT = S.enumerated("durationUnit", DurationUnit.class,
            s -> s.order().duration() == null ? null : s.order().duration().unit());
    static final Column<Integer> DURATION_COUNT = S.integer("durationCount",
            s -> s.order().duration() == null ? null : s.order().duration().count());
    static final Column<List<String>> INSTANCES = S.texts("instanceIds", s -> s.order().instanceIds());
    static final Column<Instant> CREATED_AT = S.instant("createdAt", s -> s.order().createdAt());
    static final Column<Instant> PAID_AT = S.instant("paidAt", s -> s.order().paidAt());
    static final Column<String> DUE_BUCKET = S.text("dueBucket", s -> s.due() == null ? null : s.due().bucket(),
            secondaryPartitionKey(Tables.ORDERS_DUE));
    static final Column<Instant> DUE_AT = S.instant("dueAt", s -> s.due() == null ? null : s.due().at(),
            secondarySortKey(Tables.ORDERS_DUE));

    static final TableSchema<Stored> SCHEMA = S.build(row -> new Stored(new Order(row.get(ID), row.get(ACCOUNT),
            row.get(STATUS), row.get(AMOUNT), row.get(PAYMENT_METHOD), row.get(PAYMENT), row.get(NODE), row.get(SPEC),
            row.get(QUANTITY), row.get(BILLING_METHOD),
            row.get(DURATION_UNIT) == null ? null : new TermDuration(row.get(DURATION_UNIT), row.get(DURATION_COUNT)),
            row.get(INSTANCES, List.of()), row.get(CREATED_AT), row.get(PAID_AT)),
            row.get(DUE_BUCKET) == null || PENDING_PAYMENT_BUCKET.equals(row.get(DUE_BUCKET)) ? null
                    : new Due(row.get(DUE_BUCKET), row.get(DUE_AT))));

    static final Expression IS_NEW = Expression.builder()
            .expression("attribute_not_exists(" + ID.name() + ")").build();

    /** P2: the order still waits for its payment (a callback and the cancellation sweep race on it). */
    static final Expression STILL_WAITING = Expression.builder().expression("#status = :waiting")
            .putExpressionName("#status", STATUS.name())
            .putExpressionValue(":waiting", STATUS.value(OrderStatus.PENDING_PAYMENT)).build();

    private OrderItems() {
    }

    static Key key(String orderId) {
        return Key.builder().partitionValue(orderId).build();
    }

    /** The key as a low-level update expression takes it. */
    static Map<String, AttributeValue> keyMap(String orderId) {
        return key(orderId).keyMap(SCHEMA, TableMetadata.primaryIndexName());
    }
}
