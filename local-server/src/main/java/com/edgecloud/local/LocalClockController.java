package com.edgecloud.local;

import com.edgecloud.http.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import com.edgecloud.runtime.SettableClock;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.time.ApiTime;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** {@code /_local/clock}: sets, reads and resets the "now" of every function (SPEC §10, T2). */
@Controller("/_local/clock")
public class LocalClockController {

    private final SettableClock clock;
    private final JsonMapper json;
    private final ZoneId zone;

    public LocalClockController(SettableClock clock, JsonMapper json,
                                @Value("${billing.zone:Asia/Shanghai}") String zone) {
        this.clock = clock;
        this.json = json;
        this.zone = ZoneId.of(zone);
    }

    @Get
    @Operation(operationId = "getLocalClock", summary = "Read the business clock", tags = "local", security = {})
    public ClockView current() {
        return view();
    }

    /** Body {@code {"now": "2016-01-01T15:00:00+08:00"}}: ISO-8601 with an offset or Z. */
    @Put(consumes = MediaType.ALL)
    @Operation(operationId = "setLocalClock", summary = "Set the business clock (T2)", tags = "local", security = {},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClockRequest.class))))
    @ProblemAnswers.BadRequest
    public ClockView set(@Parameter(hidden = true) @Nullable @Body String body) {
        clock.set(nowFrom(body));
        return view();
    }

    @Delete
    @Operation(operationId = "resetLocalClock", summary = "Reset the business clock to the system clock", tags = "local", security = {})
    public ClockView reset() {
        clock.reset();
        return view();
    }

    private Instant nowFrom(String body) {
        JsonNode now = parseObject(body).get("now");
        if (now == null || !now.isString()) {
            throw invalidNow("is required: an ISO-8601 timestamp with an offset, e.g. 2016-01-01T15:00:00+08:00");
        }
        try {
            return ApiTime.parse(now.getStringValue());
        } catch (IllegalArgumentException e) {
            throw invalidNow(e.getMessage());
        }
    }

    private JsonNode parseObject(String body) {
        try {
            if (body != null && !body.isBlank()) {
                JsonNode node = json.readValue(body, JsonNode.class);
                if (node != null && node.isObject()) {
                    return node;
                }
            }
        } catch (IOException | RuntimeException e) {
            // reported below as a validation failure
        }
        throw invalidNow("is required: send a JSON object {\"now\": \"2016-01-01T15:00:00+08:00\"}");
    }

    private static BillingException invalidNow(String message) {
        return BillingException.validation(List.of(new FieldError("now", message)));
    }

    private ClockView view() {
        Instant now = clock.instant();
        return new ClockView(ApiTime.format(now, zone), now.toString(), clock.frozenAt().isPresent());
    }

    /** {@code now} in the billing zone (T1), the same instant in UTC, and whether it is frozen. */
    @Serdeable
    @Schema(name = "LocalClock")
    public record ClockView(String now, String utc, boolean frozen) {
    }

    /** The body of PUT /_local/clock, as the API document shows it. */
    @Schema(name = "LocalClockRequest")
    public record ClockRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
            example = "2016-01-01T15:00:00+08:00") String now) {
    }
}
