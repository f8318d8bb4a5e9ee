package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.payment.OrderCancellations;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.TermDuration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items of the Orders and Outbox tables. */
final class OrderItems {

    /** The one partition of OrdersDue: unpaid orders are few and short-lived. */
    static final String PENDING_PAYMENT_BUCKET = OrderCancellations.BUCKET;

    private OrderItems() {
    }

    static Map<String, AttributeValue> order(Order o) {
        Attr.Builder item = Attr.item()
                .s("orderId", o.id()).s("accountId", o.accountId()).s("status", o.status())
                .fen("amountFen", o.amount()).s("paymentMethod", o.paymentMethod()).s("paymentId", o.paymentId())
                .s("nodeId", o.nodeId()).s("specId", o.specId()).n("quantity", o.quantity())
                .s("billingMethod", o.billingMethod())
                .put("instanceIds", Attr.strings(o.instanceIds()))
                .instant("createdAt", o.createdAt()).instant("paidAt", o.paidAt());
        if (o.duration() != null) {
            item.s("durationUnit", o.duration().unit()).n("durationCount", o.duration().count());
        }
        if (o.status() == OrderStatus.PENDING_PAYMENT) {
            // Sparse OrdersDue index: only unpaid orders, due for cancellation when the payment window ends (P2).
            item.s("dueBucket", PENDING_PAYMENT_BUCKET)
                    .instant("dueAt", o.createdAt().plus(OrderCancellations.PAYMENT_WINDOW));
        }
        return item.build();
    }

    static Order toOrder(Item item) {
        TermDuration duration = item.s("durationUnit") == null ? null
                : new TermDuration(item.enumValue("durationUnit", DurationUnit.class), item.integer("durationCount"));
        return new Order(item.s("orderId"), item.s("accountId"), item.enumValue("status", OrderStatus.class),
                item.fen("amountFen"), item.enumValue("paymentMethod", PaymentMethod.class), item.s("paymentId"),
                item.s("nodeId"), item.s("specId"), item.integer("quantity"),
                item.enumValue("billingMethod", BillingMethod.class), duration, item.strings("instanceIds"),
                item.instant("createdAt"), item.instant("paidAt"));
    }

    static Map<String, AttributeValue> outbox(OutboxMessage m) {
        return Attr.item()
                .s("id", m.id()).s("type", m.type()).s("accountId", m.accountId())
                .s("instanceId", m.instanceId()).s("orderId", m.orderId()).n("daysBefore", m.daysBefore())
                .instant("createdAt", m.createdAt())
                .build();
    }
}
