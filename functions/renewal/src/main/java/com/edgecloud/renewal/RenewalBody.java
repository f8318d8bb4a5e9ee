package com.edgecloud.renewal;

import io.swagger.v3.oas.annotations.media.Schema;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.renewal.RenewalRequest;
import com.edgecloud.http.CheckedBody;
import com.edgecloud.http.TermBody;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The body of POST /instances/{id}/renewals (R1-R3): a P1 duration; paymentMethod defaults to BALANCE. */
@Serdeable
@Schema(example = RenewalBody.EXAMPLE)
public record RenewalBody(@NotNull @Valid TermBody duration, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) PaymentMethod paymentMethod) implements CheckedBody {

    /** The README's "Try it": a month more, paid from the balance. */
    static final String EXAMPLE = """
            {"duration": {"unit": "MONTH", "count": 1}, "paymentMethod": "BALANCE"}""";

    RenewalRequest toRequest(String accountId, String instanceId) {
        return new RenewalRequest(accountId, instanceId, duration.toTerm(),
                paymentMethod == null ? PaymentMethod.BALANCE : paymentMethod);
    }
}
