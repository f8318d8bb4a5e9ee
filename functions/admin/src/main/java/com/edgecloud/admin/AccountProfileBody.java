package com.edgecloud.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.http.CheckedBody;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A1: {@code PUT /admin/accounts/{id}}, an account's standing and its own contact. */
@Serdeable
public record AccountProfileBody(@NotNull Boolean activated, @NotNull Verification verification,
                                 @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Valid ContactBody contact) implements CheckedBody {
}
