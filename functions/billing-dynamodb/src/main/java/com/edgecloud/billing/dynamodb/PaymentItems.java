package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.payment.PaymentPurpose;
import com.edgecloud.billing.payment.PaymentStatus;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** Items of the Payments table (pk paymentId). */
final class PaymentItems {

    private static final ItemSchema<Payment> S = ItemSchema.of(Payment.class);
    static final Column<String> ID = S.text("paymentId", Payment::paymentId, primaryPartitionKey());
    static final Column<String> ACCOUNT = S.text("accountId", Payment::accountId);
    static final Column<Money> AMOUNT = S.fen("amountFen", Payment::amount);
    static final Column<PaymentPurpose> PURPOSE = S.enumerated("purpose", PaymentPurpose.class, Payment::purpose);
    static final Column<String> ORDER = S.text("orderId", Payment::orderId);
    static final Column<PaymentStatus> STATUS = S.enumerated("status", PaymentStatus.class, Payment::status);
    static final Column<Instant> CREATED_AT = S.instant("createdAt", Payment::createdAt);
    static final Column<Instant> CONFIRMED_AT = S.instant("confirmedAt", Payment::confirmedAt);

    static final TableSchema<Payment> SCHEMA = S.build(row -> new Payment(row.get(ID), row.get(ACCOUNT),
            row.get(AMOUNT), row.get(PURPOSE), row.get(ORDER), row.get(STATUS), row.get(CREATED_AT),
            row.get(CONFIRMED_AT)));

    static final Expression IS_NEW = Expression.builder().expression("attribute_not_exists(" + ID.name() + ")").build();

    private PaymentItems() {
    }

    /** Only if the stored payment's status is still {@code from}. */
    static Expression statusIs(PaymentStatus from) {
        return Expression.builder().expression("#status = :from")
                .putExpressionName("#status", STATUS.name())
                .putExpressionValue(":from", STATUS.value(from)).build();
    }
}
