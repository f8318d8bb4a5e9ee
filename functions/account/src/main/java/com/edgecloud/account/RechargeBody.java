package com.edgecloud.account;

import com.edgecloud.billing.money.Money;
import com.edgecloud.http.CheckedBody;
import com.edgecloud.http.Fields;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A5: {@code POST /account/recharges}, an amount from 0.01 to 1,000,000.00 (M1: a string). */
@Serdeable
public record RechargeBody(
        @NotNull @Pattern(regexp = Fields.MONEY, message = Fields.MONEY_MESSAGE)
        @DecimalMin(value = "0.01", message = "must be from 0.01 to 1000000.00")
        @DecimalMax(value = "1000000.00", message = "must be from 0.01 to 1000000.00") String amount) implements CheckedBody {

    Money money() {
        return Money.parse(amount);
    }
}
