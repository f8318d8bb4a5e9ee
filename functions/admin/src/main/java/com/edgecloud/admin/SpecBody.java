package com.edgecloud.admin;

import com.edgecloud.billing.catalog.DiskType;
import com.edgecloud.billing.catalog.Hardware;
import com.edgecloud.billing.money.Money;
import com.edgecloud.http.CheckedBody;
import com.edgecloud.http.Fields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** C2, C3: {@code PUT /admin/catalog/nodes/{nodeId}/specs/{specId}}, hardware, prices (M1) and stock. */
@Serdeable
public record SpecBody(
        @Nullable @Size(max = 100) String name,
        @NotNull @Valid CpuBody cpu,
        @NotNull @Min(1) @Max(1_048_576) Integer memoryGiB,
        @NotNull @Size(min = 1, max = 64) List<@Valid DiskBody> disks,
        @NotNull @Min(1) @Max(1_000_000) Integer bandwidthMbps,
        @NotNull @Pattern(regexp = Fields.MONEY, message = Fields.MONEY_MESSAGE) String monthlyPrice,
        @NotNull @Pattern(regexp = Fields.MONEY, message = Fields.MONEY_MESSAGE) String yearlyPrice,
        @NotNull @Pattern(regexp = Fields.MONEY, message = Fields.MONEY_MESSAGE) String hourlyPrice,
        @NotNull @Min(0) @Max(1_000_000) Integer stock) implements CheckedBody {

    @Serdeable
    @Schema(name = "CpuBody")
    public record CpuBody(@NotBlank @Size(max = 100) String model, @NotNull @Min(1) @Max(4096) Integer cores) {
    }

    @Serdeable
    @Schema(name = "DiskBody")
    public record DiskBody(@NotNull DiskType type, @NotNull @Min(1) @Max(1_048_576) Integer sizeGiB,
                           @NotNull @Min(1) @Max(256) Integer count) {
    }

    Hardware hardware() {
        return new Hardware(new Hardware.Cpu(cpu.model(), cpu.cores()), memoryGiB,
                disks.stream().map(d -> new Hardware.Disk(d.type(), d.sizeGiB(), d.count())).toList(), bandwidthMbps);
    }

    static Money price(String amount) {
        return Money.parse(amount);
    }
}
