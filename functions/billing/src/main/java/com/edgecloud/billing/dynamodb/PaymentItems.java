package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.payment.PaymentPurpose;
import com.edgecloud.billing.payment.PaymentStatus;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items of the Payments table (pk paymentId). */
final class PaymentItems {

    private PaymentItems() {
    }

    static Map<String, AttributeValue> payment(Payment p) {
        return Attr.item()
                .s("paymentId", p.paymentId()).s("accountId", p.accountId()).fen("amountFen", p.amount())
                .s("purpose", p.purpose()).s("orderId", p.orderId()).s("status", p.status())
                .instant("createdAt", p.createdAt()).instant("confirmedAt", p.confirmedAt())
                .build();
    }

    static Payment toPayment(Item item) {
        return new Payment(item.s("paymentId"), item.s("accountId"), item.fen("amountFen"),
                item.enumValue("purpose", PaymentPurpose.class), item.s("orderId"),
                item.enumValue("status", PaymentStatus.class), item.instant("createdAt"), item.instant("confirmedAt"));
    }

    static Map<String, AttributeValue> key(String paymentId) {
        return Map.of("paymentId", Attr.s(paymentId));
    }
}
