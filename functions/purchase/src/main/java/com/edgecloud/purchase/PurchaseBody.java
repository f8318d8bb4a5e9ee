package com.edgecloud.purchase;

import io.swagger.v3.oas.annotations.media.Schema;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.http.CheckedBody;
import com.edgecloud.http.Fields;
import com.edgecloud.http.TermBody;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** The body of POST /instances (P1, P2, G1); paymentMethod defaults to BALANCE. */
@Serdeable
@Schema(example = PurchaseBody.EXAMPLE)
public record PurchaseBody(
        @NotNull @Pattern(regexp = Fields.ID, message = Fields.ID_MESSAGE) String nodeId,
        @NotNull @Pattern(regexp = Fields.ID, message = Fields.ID_MESSAGE) String specId,
        @NotNull @Min(1) @Max(PurchaseRequest.MAX_QUANTITY) Integer quantity,
        @NotNull BillingMethod billingMethod,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Valid TermBody duration,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) PaymentMethod paymentMethod) implements CheckedBody {

    /** The README's "Try it": one server of node-sh-1's cps-std-1 for a month, paid from the balance. */
    static final String EXAMPLE = """
            {"nodeId": "node-sh-1", "specId": "cps-std-1", "quantity": 1, "billingMethod": "MONTHLY_PACKAGE",
             "duration": {"unit": "MONTH", "count": 1}, "paymentMethod": "BALANCE"}""";

    /** G1: a monthly package needs its duration (P1); pay-by-configuration has none. */
    @Override
    public List<FieldError> crossFieldErrors() {
        if (billingMethod == BillingMethod.MONTHLY_PACKAGE && duration == null) {
            return List.of(new FieldError("duration", "is required"));
        }
        if (billingMethod == BillingMethod.PAY_BY_CONFIGURATION && duration != null) {
            return List.of(new FieldError("duration", "is only for MONTHLY_PACKAGE"));
        }
        return List.of();
    }

    PurchaseRequest toRequest(String accountId) {
        return new PurchaseRequest(accountId, nodeId, specId, quantity, billingMethod,
                duration == null ? null : duration.toTerm(), paymentMethod == null ? PaymentMethod.BALANCE : paymentMethod);
    }
}
