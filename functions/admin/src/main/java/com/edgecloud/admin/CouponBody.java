package com.edgecloud.admin;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.ApiTime;
import com.edgecloud.http.ApiDateTime;
import com.edgecloud.http.CheckedBody;
import com.edgecloud.http.Fields;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** A2: {@code POST /admin/accounts/{id}/coupons}, an amount (at most 100,000,000.00, ours) and its expiry (T1). */
@Serdeable
public record CouponBody(
        @NotNull @Pattern(regexp = Fields.MONEY, message = Fields.MONEY_MESSAGE)
        @DecimalMin(value = "0.00", inclusive = false, message = "must be more than 0.00")
        @DecimalMax(value = "100000000.00", message = "must be at most 100000000.00") String amount,
        @NotNull @ApiDateTime @Schema(format = "date-time", example = "2030-01-01T00:00:00+08:00") String expiresAt) implements CheckedBody {

    Money money() {
        return Money.parse(amount);
    }

    Instant expiry() {
        return ApiTime.parse(expiresAt);
    }
}
