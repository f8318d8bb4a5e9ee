package com.edgecloud.admin;

import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.http.CheckedBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** C1, C3: {@code PUT /admin/catalog/nodes/{nodeId}}, where a node is and whether it sells. */
@Serdeable
public record NodeBody(
        @Nullable @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String region,
        @NotBlank @Size(max = 100) String city,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @Pattern(regexp = "OPEN|OPEN_FOR_SALE|UNDER_CONSTRUCTION",
                message = "must be OPEN (or OPEN_FOR_SALE) or UNDER_CONSTRUCTION")
        @Schema(allowableValues = {"OPEN", "OPEN_FOR_SALE", "UNDER_CONSTRUCTION"}) String status) implements CheckedBody {

    /** C1: the console's wording ("OPEN_FOR_SALE") is OPEN. */
    NodeStatus nodeStatus() {
        return status.equals("UNDER_CONSTRUCTION") ? NodeStatus.UNDER_CONSTRUCTION : NodeStatus.OPEN;
    }
}
