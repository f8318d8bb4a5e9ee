package com.edgecloud.renewal;

import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.http.CheckedBody;
import com.edgecloud.http.TermBody;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The body of PUT /instances/{id}/auto-renewal (R4): {@code enabled}, and a P1 {@code duration},
 * required when enabled; one given with {@code enabled: false} is kept for the next time.
 */
@Serdeable
public record AutoRenewalBody(@NotNull Boolean enabled,
                              @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Valid TermBody duration)
        implements CheckedBody {

    @Override
    public List<FieldError> crossFieldErrors() {
        if (Boolean.TRUE.equals(enabled) && duration == null) {
            return List.of(new FieldError("duration", "is required"));
        }
        return List.of();
    }

    TermDuration term() {
        return duration == null ? null : duration.toTerm();
    }
}
