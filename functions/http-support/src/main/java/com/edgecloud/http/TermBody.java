package com.edgecloud.http;

import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.TermDuration;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** P1: the {@code duration} of a purchase or renewal, {@code {"unit": "MONTH", "count": 3}}. */
@Serdeable
@TermLength
public record TermBody(@NotNull DurationUnit unit, @NotNull @Min(1) @Max(1000) Integer count) {

    public TermDuration toTerm() {
        return new TermDuration(unit, count);
    }
}
