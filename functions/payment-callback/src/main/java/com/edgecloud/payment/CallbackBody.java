package com.edgecloud.payment;

import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.PaymentCallback;
import com.edgecloud.billing.payment.PaymentStatus;
import com.edgecloud.http.CheckedBody;
import com.edgecloud.http.Fields;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** A5: the provider's word on one payment, {@code {"paymentId", "status": SUCCEEDED|FAILED, "amount"}}. */
@Serdeable
public record CallbackBody(
        @NotNull @Pattern(regexp = Fields.ID, message = Fields.ID_MESSAGE) String paymentId,
        @NotNull PaymentStatus status,
        @NotNull @Pattern(regexp = Fields.MONEY, message = Fields.MONEY_MESSAGE) String amount) implements CheckedBody {

    /** A callback settles a payment: PENDING is not a provider's answer. */
    @Override
    public List<FieldError> crossFieldErrors() {
        return status == PaymentStatus.PENDING ? List.of(new FieldError("status", "must be SUCCEEDED or FAILED")) : List.of();
    }

    PaymentCallback toCallback() {
        return new PaymentCallback(paymentId, status, Money.parse(amount));
    }
}
