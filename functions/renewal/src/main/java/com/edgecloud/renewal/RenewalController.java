package com.edgecloud.renewal;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.http.MediaType;
import com.edgecloud.http.ProblemAnswers;
import com.edgecloud.http.Bound;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.renewal.RenewalPlan;
import com.edgecloud.billing.renewal.RenewalRequest;
import com.edgecloud.billing.renewal.RenewalService;
import com.edgecloud.http.Caller;
import com.edgecloud.http.IdempotentRequests;
import com.edgecloud.http.IdempotentRequests.StoredAnswer;
import com.edgecloud.http.Views;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/** POST /instances/{id}/renewals: renew a monthly package (R1–R3), once per Idempotency-Key. */
@Controller("/instances")
public class RenewalController {

    private final RenewalService renewals;
    private final IdempotentRequests idempotent;
    private final Views views;
    private final JsonMapper json;

    /** What the README's "Try it" renewal answered on the local server. */
    static final String RENEWED_EXAMPLE = """
            {"id": "i-5ad36003ea3ba05a3df1", "accountId": "acct-1", "nodeId": "node-sh-1", "specId": "cps-std-1",
             "billingMethod": "MONTHLY_PACKAGE", "billingState": "NORMAL", "powerState": "RUNNING",
             "termStartsAt": "2016-02-02T00:00:00+08:00", "expiresAt": "2016-03-02T23:59:59+08:00",
             "overdueSince": null, "releaseAt": null, "createdAt": "2016-01-01T15:00:00+08:00",
             "autoRenewal": {"enabled": false, "duration": null}, "charged": "1000.00"}""";

    public RenewalController(RenewalService renewals, IdempotentRequests idempotent, Views views, JsonMapper json) {
        this.renewals = renewals;
        this.idempotent = idempotent;
        this.views = views;
        this.json = json;
    }

    @Post(uri = "/{id}/renewals", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "renewInstance", summary = "Renew a monthly package (R1-R3)", tags = "instances",
            parameters = @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "A key of your choosing (e.g. a UUID): a retry with the same key and body answers the first answer",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 128, pattern = "^[\\x21-\\x7E]{1,128}$")))
    @ApiResponse(responseCode = "200", description = "The instance after renewal, with what was charged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenewalView.class),
                    examples = @ExampleObject(name = "aMonthMore", value = RENEWED_EXAMPLE,
                            summary = "The README's \"Try it\": the new term starts the day after the old expiry (R2)")))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.PaymentRequired
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ProblemAnswers.Busy
    @ProblemAnswers.InternalError
    public HttpResponse<?> renew(@Bound Caller caller, @PathVariable String id,
                                 @Bound @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                 @Body RenewalBody body) {
        RenewalRequest request = body.toRequest(caller.accountId(), id);
        String key = IdempotentRequests.requireKey(idempotencyKey);
        return idempotent.run(caller, "renewal", key, request.canonical(), replayed -> { }, claim -> {
            IdempotentCompletion answer = renewals.renew(request,
                    plan -> new IdempotentCompletion(claim.key(), claim.token(), 200, render(plan))).answer();
            return new StoredAnswer(answer.status(), answer.body());
        });
    }

    private String render(RenewalPlan plan) {
        RenewalView view = new RenewalView(views.instance(plan.renewed()), plan.charged().toString());
        try {
            return json.writeValueAsString(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SPEC §11: the instance after renewal, plus {@code charged}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Renewal")
    public record RenewalView(@JsonUnwrapped Views.InstanceView instance, String charged) {
    }
}
