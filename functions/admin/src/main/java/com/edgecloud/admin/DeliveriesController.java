package com.edgecloud.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.http.MediaType;
import com.edgecloud.http.ProblemAnswers;
import com.edgecloud.http.PageLimit;
import com.edgecloud.billing.Page;
import com.edgecloud.billing.dynamodb.DynamoDeliveries;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.notify.Delivery;
import com.edgecloud.billing.notify.DeliveryStatus;
import com.edgecloud.http.Caller;
import com.edgecloud.http.AdminOnly;
import com.edgecloud.http.PageRequest;
import com.edgecloud.http.Views;
import com.edgecloud.notify.Deliverer;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** N2: deliveries parked FAILED, for an operator to see and send again. Admin role only. */
@Controller("/admin/deliveries")
public class DeliveriesController {

    private final DynamoDeliveries deliveries;
    private final Deliverer deliverer;
    private final Views views;

    public DeliveriesController(DynamoDeliveries deliveries, Deliverer deliverer, Views views) {
        this.deliveries = deliveries;
        this.deliverer = deliverer;
        this.views = views;
    }

    /** Only {@code status=FAILED} is listed (the sparse index holds only those); most recent first. */
    @Get
    @Operation(operationId = "listFailedDeliveries", summary = "List failed notification deliveries", tags = "admin")
    @ApiResponse(responseCode = "200", description = "A page of failed deliveries, most recent first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryList.class)))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.Forbidden
    @ProblemAnswers.InternalError
    public Views.ListView<DeliveryView> list(@AdminOnly Caller caller, @Nullable @QueryValue String status,
                                             @PageLimit @Nullable @QueryValue String limit, @Nullable @QueryValue String nextToken) {
        if (!"FAILED".equals(status)) {
            throw BillingException.validation(List.of(new FieldError("status", "must be FAILED")));
        }
        PageRequest page = PageRequest.of(limit, nextToken);
        Page<Delivery> found = deliveries.failed(page.limit(), page.nextToken());
        return Views.list(found, this::view);
    }

    /** Sends a FAILED delivery again now: it answers SENT, or FAILED with the new error. */
    @Post(value = "/{id}/retry", consumes = "*/*")
    @Operation(operationId = "retryDelivery", summary = "Retry a failed notification delivery", tags = "admin")
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.InternalError
    public DeliveryView retry(@AdminOnly Caller caller, @PathVariable String id) {
        Delivery current = deliveries.find(id).orElseThrow(() -> BillingException.notFound("Delivery " + id));
        return deliverer.retryFailed(id).map(this::view).orElseThrow(() -> new BillingException(
                ErrorCode.OPERATION_NOT_ALLOWED, "Only a FAILED delivery can be retried; this one is "
                + wireStatus(deliveries.find(id).orElse(current).status()) + ".",
                Map.of("deliveryStatus", wireStatus(current.status()))));
    }

    private DeliveryView view(Delivery d) {
        return new DeliveryView(d.id(), d.notificationId(), d.type().name(), d.channel().name(), d.receiverId(),
                wireStatus(d.status()), d.attempts(), d.lastError(), views.time(d.updatedAt()));
    }

    /** A claim in progress is still PENDING to the outside world. */
    private static String wireStatus(DeliveryStatus s) {
        return s == DeliveryStatus.SENDING ? DeliveryStatus.PENDING.name() : s.name();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Delivery")
    public record DeliveryView(String id, String notificationId, String type, String channel, String receiver,
                               String status, int attempts, String lastError, String updatedAt) {
    }

    /** The page listFailedDeliveries answers, as the API document shows it (ListAnswers says why). */
    @Schema(name = "DeliveryList")
    public record DeliveryList(List<DeliveryView> items, @Nullable @Schema(description = "Null on the last page") String nextToken) {
    }
}
