package com.edgecloud.local;

import io.swagger.v3.oas.annotations.Operation;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /_local/health}. The port is bound only after DynamoDB Local and the application
 * context are up, so any answer at all means ready (SPEC §10).
 */
@Controller("/_local/health")
public class LocalHealthController {

    @Get
    @Operation(operationId = "localHealth", summary = "Is the local server up", tags = "local", security = {})
    public Health health() {
        return new Health("UP");
    }

    @Serdeable
    @Schema(name = "LocalHealth")
    public record Health(String status) {
    }
}
