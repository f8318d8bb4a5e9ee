package com.edgecloud.instances;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.http.MediaType;
import com.edgecloud.http.ListAnswers;
import com.edgecloud.http.ProblemAnswers;
import com.edgecloud.http.Bound;
import com.edgecloud.http.PageLimit;
import com.edgecloud.billing.idempotency.Canonical;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.instance.OperationRepository;
import com.edgecloud.billing.instance.TermRepository;
import com.edgecloud.billing.lifecycle.InstanceOperation;
import com.edgecloud.billing.lifecycle.PowerOperations;
import com.edgecloud.http.Caller;
import com.edgecloud.http.IdempotentRequests;
import com.edgecloud.http.IdempotentRequests.StoredAnswer;
import com.edgecloud.http.PageRequest;
import com.edgecloud.http.Views;
import com.edgecloud.http.Views.InstanceView;
import com.edgecloud.http.Views.ListView;
import com.edgecloud.http.Views.OperationView;
import com.edgecloud.http.Views.TermView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The caller's own servers; another account's answers 404, as if it did not exist (SPEC §9). */
@Controller("/instances")
public class InstancesController {

    private final InstanceRepository instances;
    private final TermRepository terms;
    private final OperationRepository operations;
    private final PowerOperations power;
    private final IdempotentRequests idempotent;
    private final Views views;
    private final JsonMapper json;

    public InstancesController(InstanceRepository instances, TermRepository terms, OperationRepository operations,
                               PowerOperations power, IdempotentRequests idempotent, Views views, JsonMapper json) {
        this.instances = instances;
        this.terms = terms;
        this.operations = operations;
        this.power = power;
        this.idempotent = idempotent;
        this.views = views;
        this.json = json;
    }

    @Get
    @Operation(operationId = "listInstances", summary = "List the caller's instances", tags = "instances")
    @ListAnswers.Instances
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.InternalError
    public ListView<InstanceView> list(@Bound Caller caller, @PageLimit @Nullable @QueryValue String limit,
                                       @Nullable @QueryValue String nextToken) {
        PageRequest page = PageRequest.of(limit, nextToken);
        return Views.list(instances.listByAccount(caller.accountId(), page.limit(), page.nextToken()), views::instance);
    }

    @Get("/{id}")
    @Operation(operationId = "getInstance", summary = "Read one instance", tags = "instances")
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.InternalError
    public InstanceView get(@Bound Caller caller, @PathVariable String id) {
        return views.instance(instances.findOwned(caller.accountId(), id));
    }

    /** P3, R2: the instance's terms, oldest first. */
    @Get("/{id}/terms")
    @Operation(operationId = "listInstanceTerms", summary = "List an instance's paid terms", tags = "instances")
    @ListAnswers.Terms
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.InternalError
    public ListView<TermView> terms(@Bound Caller caller, @PathVariable String id, @PageLimit @Nullable @QueryValue String limit,
                                    @Nullable @QueryValue String nextToken) {
        PageRequest page = PageRequest.of(limit, nextToken);
        instances.findOwned(caller.accountId(), id);
        return Views.list(terms.list(id, page.limit(), page.nextToken()), views::term);
    }

    /** SPEC §11: accepted operations, newest first. */
    @Get("/{id}/operations")
    @Operation(operationId = "listInstanceOperations", summary = "List an instance's power operations", tags = "instances")
    @ListAnswers.Operations
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.InternalError
    public ListView<OperationView> operations(@Bound Caller caller, @PathVariable String id,
                                              @PageLimit @Nullable @QueryValue String limit, @Nullable @QueryValue String nextToken) {
        PageRequest page = PageRequest.of(limit, nextToken);
        instances.findOwned(caller.accountId(), id);
        return Views.list(operations.list(id, page.limit(), page.nextToken()), views::operation);
    }

    @Post(uri = "/{id}/start", consumes = {"application/json", "text/plain", "*/*"})
    @Operation(operationId = "startInstance", summary = "Power an instance on (E2)", tags = "instances",
            parameters = @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "A key of your choosing (e.g. a UUID): a retry with the same key and body answers the first answer",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 128, pattern = "^[\\x21-\\x7E]{1,128}$")))
    @ApiResponse(responseCode = "200", description = "The instance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstanceView.class)))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ProblemAnswers.Busy
    @ProblemAnswers.InternalError
    public HttpResponse<?> start(@Bound Caller caller, @PathVariable String id,
                                 @Bound @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey) {
        return operate(caller, id, InstanceOperation.START, idempotencyKey);
    }

    @Post(uri = "/{id}/stop", consumes = {"application/json", "text/plain", "*/*"})
    @Operation(operationId = "stopInstance", summary = "Power an instance off (E2)", tags = "instances",
            parameters = @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "A key of your choosing (e.g. a UUID): a retry with the same key and body answers the first answer",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 128, pattern = "^[\\x21-\\x7E]{1,128}$")))
    @ApiResponse(responseCode = "200", description = "The instance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstanceView.class)))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ProblemAnswers.Busy
    @ProblemAnswers.InternalError
    public HttpResponse<?> stop(@Bound Caller caller, @PathVariable String id,
                                @Bound @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey) {
        return operate(caller, id, InstanceOperation.STOP, idempotencyKey);
    }

    @Post(uri = "/{id}/reinstall", consumes = {"application/json", "text/plain", "*/*"})
    @Operation(operationId = "reinstallInstance", summary = "Reinstall an instance (E2)", tags = "instances",
            parameters = @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "A key of your choosing (e.g. a UUID): a retry with the same key and body answers the first answer",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 128, pattern = "^[\\x21-\\x7E]{1,128}$")))
    @ApiResponse(responseCode = "200", description = "The instance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstanceView.class)))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ProblemAnswers.Busy
    @ProblemAnswers.InternalError
    public HttpResponse<?> reinstall(@Bound Caller caller, @PathVariable String id,
                                     @Bound @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey) {
        return operate(caller, id, InstanceOperation.REINSTALL, idempotencyKey);
    }

    /**
     * E2, SPEC §9: a power operation changes an instance, so it needs an Idempotency-Key (400
     * VALIDATION_FAILED naming the header without one, nothing written); a retry answers the first answer.
     */
    private HttpResponse<?> operate(@Bound Caller caller, String id, InstanceOperation operation, String idempotencyKey) {
        String key = IdempotentRequests.requireKey(idempotencyKey);
        String canonical = Canonical.of(operation.name().toLowerCase()).with("accountId", caller.accountId())
                .with("instanceId", id).form();
        return idempotent.run(caller, operation.name().toLowerCase(), key, canonical, replayed -> { }, claim -> {
            Instance after = power.apply(caller.accountId(), id, operation,
                    changed -> new IdempotentCompletion(claim.key(), claim.token(), 200, render(changed)));
            return new StoredAnswer(200, render(after));
        });
    }

    private String render(Instance instance) {
        try {
            return json.writeValueAsString(views.instance(instance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
