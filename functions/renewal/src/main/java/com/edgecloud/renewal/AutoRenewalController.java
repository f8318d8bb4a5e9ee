package com.edgecloud.renewal;

import com.edgecloud.billing.renewal.AutoRenewalSettings;
import com.edgecloud.http.Bound;
import com.edgecloud.http.Caller;
import com.edgecloud.http.ProblemAnswers;
import com.edgecloud.http.Views;
import com.edgecloud.http.Views.AutoRenewalView;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;

/**
 * R4: GET and PUT /instances/{id}/auto-renewal {enabled, duration}. A PUT is validated whole
 * first (400 naming the field, nothing written); setting the same value again changes nothing,
 * so it needs no Idempotency-Key, as the message settings' PUT.
 */
@Controller("/instances")
public class AutoRenewalController {

    private final AutoRenewalSettings settings;

    public AutoRenewalController(AutoRenewalSettings settings) {
        this.settings = settings;
    }

    @Get("/{id}/auto-renewal")
    @Operation(operationId = "getAutoRenewal", summary = "Read an instance's auto-renewal (R4)", tags = "instances")
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.InternalError
    public AutoRenewalView get(@Bound Caller caller, @PathVariable String id) {
        return Views.autoRenewal(settings.of(caller.accountId(), id));
    }

    @Put(uri = "/{id}/auto-renewal", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "putAutoRenewal", summary = "Turn an instance's auto-renewal on or off (R4)", tags = "instances")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Busy
    @ProblemAnswers.InternalError
    public AutoRenewalView put(@Bound Caller caller, @PathVariable String id, @Body AutoRenewalBody body) {
        return Views.autoRenewal(settings.set(caller.accountId(), id, body.enabled(), body.term()));
    }
}
