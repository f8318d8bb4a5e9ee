package com.edgecloud.instances;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.http.MediaType;
import com.edgecloud.http.ProblemAnswers;
import com.edgecloud.http.Bound;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.metering.InstanceDeletion;
import com.edgecloud.http.Caller;
import com.edgecloud.http.IdempotentRequests;
import com.edgecloud.http.IdempotentRequests.StoredAnswer;
import com.edgecloud.http.Views;
import com.edgecloud.http.Views.BillView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * DELETE /instances/{id} (G6, P4, E2): releases a pay-by-configuration instance with its final
 * bill. It changes an instance and may move money, so it needs an Idempotency-Key (SPEC §9): 400
 * VALIDATION_FAILED naming the header without one, nothing written; a repeat answers the first answer.
 */
@Controller("/instances")
public class InstanceDeletionController {

    private final InstanceDeletion deletion;
    private final IdempotentRequests idempotent;
    private final Views views;
    private final JsonMapper json;

    public InstanceDeletionController(InstanceDeletion deletion, IdempotentRequests idempotent, Views views,
                                      JsonMapper json) {
        this.deletion = deletion;
        this.idempotent = idempotent;
        this.views = views;
        this.json = json;
    }

    @Delete("/{id}")
    @Operation(operationId = "deleteInstance", summary = "Release an instance (and bill pay-by-configuration to now)", tags = "instances",
            parameters = @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "A key of your choosing (e.g. a UUID): a retry with the same key and body answers the first answer",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 128, pattern = "^[\\x21-\\x7E]{1,128}$")))
    @ApiResponse(responseCode = "200", description = "The RELEASED instance and, for pay-by-configuration, its final bill",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeletedView.class)))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ProblemAnswers.Busy
    @ProblemAnswers.InternalError
    public HttpResponse<?> delete(@Bound Caller caller, @PathVariable String id,
                                  @Bound @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey) {
        String key = IdempotentRequests.requireKey(idempotencyKey);
        return idempotent.run(caller, "delete-instance", key, "{\"instanceId\":\"" + id.replace("\"", "") + "\"}",
                stored -> { }, claim -> {
                    // rendered in the plan, stored with the release; the committed outcome is returned
                    InstanceDeletion.Deleted deleted = deletion.delete(caller.accountId(), id,
                            planned -> new IdempotentCompletion(claim.key(), claim.token(), 200, render(planned)));
                    return new StoredAnswer(200, render(deleted));
                });
    }

    private String render(InstanceDeletion.Deleted deleted) {
        DeletedView view = new DeletedView(views.instance(deleted.instance()),
                deleted.finalBill() == null ? null : views.bill(deleted.finalBill()));
        try {
            return json.writeValueAsString(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SPEC §11: DELETE answers the instance (RELEASED) and, for pay-by-configuration, finalBill. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "DeletedInstance")
    public record DeletedView(@JsonUnwrapped Views.InstanceView instance,
                              // implementation and ref: without both micronaut-openapi 6.20 files the bill a second
                              // time under its nested-class name ('Views.BillView') instead of 'Bill'
                              @Nullable @Schema(type = "object", nullable = true, implementation = BillView.class, ref = "#/components/schemas/Bill") BillView finalBill) {
    }
}
