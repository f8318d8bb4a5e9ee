package com.edgecloud.http;

import com.edgecloud.billing.error.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The RFC 9457 problem every refusal answers (SPEC §9), as the API document shows it; {@link Problems}
 * writes it. {@code code} is one of ErrorCode's, or INTERNAL_ERROR for an unexpected failure
 * (ProblemsTest holds the list to the enum).
 */
@Schema(name = "Problem", description = "An RFC 9457 problem: why a request was refused (application/problem+json). "
        + "A code may add members of its own (OUT_OF_STOCK: available; a delivery retry refused: deliveryStatus).", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
public record Problem(
        @Schema(description = "A URI naming the kind of problem", example = "https://errors.edge-server-billing/validation-failed")
        String type,
        @Schema(example = "Validation failed") String title,
        @Schema(description = "The HTTP status sent", example = "400") int status,
        @Schema(example = "The request has 2 invalid fields.") String detail,
        @Schema(allowableValues = {"VALIDATION_FAILED", "UNAUTHENTICATED", "INSUFFICIENT_BALANCE", "BELOW_LAUNCH_THRESHOLD",
                "ACCOUNT_NOT_ACTIVE", "ACCOUNT_NOT_VERIFIED", "FORBIDDEN", "NOT_FOUND", "OPERATION_NOT_ALLOWED",
                "NODE_NOT_OPEN", "OUT_OF_STOCK", "REQUEST_IN_PROGRESS", "IDEMPOTENCY_KEY_REUSED", "AMOUNT_MISMATCH",
                "BUSY", "INTERNAL_ERROR"}, description = "The stable code a client branches on")
        String code,
        @Schema(nullable = true, description = "VALIDATION_FAILED: every bad field, with its path (duration.count, disks[1].type)")
        List<FieldError> errors,
        @Schema(nullable = true, description = "OPERATION_NOT_ALLOWED: the instance's billing state (E1)",
                allowableValues = {"NORMAL", "EXPIRED", "OVERDUE", "RELEASED"})
        String billingState,
        @Schema(nullable = true, description = "The SPEC rule id that refused the request", example = "A1")
        String rule) {
}
