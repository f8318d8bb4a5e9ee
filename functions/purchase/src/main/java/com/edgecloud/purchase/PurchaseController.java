package com.edgecloud.purchase;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import com.edgecloud.http.Bound;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.purchase.PurchasePlan;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.http.Caller;
import com.edgecloud.http.IdempotentRequests;
import com.edgecloud.http.IdempotentRequests.StoredAnswer;
import com.edgecloud.http.Views;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.edgecloud.http.Fields;
import com.edgecloud.http.ProblemAnswers;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * POST /instances: buy servers (A1, C1, C2, P1, P2, G1), once per Idempotency-Key: 201 paid from the
 * balance, or 202 with a PENDING_PAYMENT order and its paymentId for THIRD_PARTY.
 */
@Controller("/instances")
public class PurchaseController {

    private final PurchaseService purchases;
    private final IdempotentRequests idempotent;
    private final Views views;
    private final JsonMapper json;

    /** What the README's "Try it" purchase answered on the local server. */
    static final String PURCHASED_EXAMPLE = """
            {"order": {"id": "ord-016dd6b2d3b9f86d04c0", "status": "PAID", "amount": "1000.00", "paymentMethod": "BALANCE",
                       "paymentId": null},
             "instances": [{"id": "i-5ad36003ea3ba05a3df1", "accountId": "acct-1", "nodeId": "node-sh-1",
                            "specId": "cps-std-1", "billingMethod": "MONTHLY_PACKAGE", "billingState": "NORMAL",
                            "powerState": "RUNNING", "termStartsAt": "2016-01-01T15:00:00+08:00",
                            "expiresAt": "2016-02-01T23:59:59+08:00", "overdueSince": null, "releaseAt": null,
                            "createdAt": "2016-01-01T15:00:00+08:00", "autoRenewal": {"enabled": false, "duration": null}}]}""";

    public PurchaseController(PurchaseService purchases, IdempotentRequests idempotent, Views views, JsonMapper json) {
        this.purchases = purchases;
        this.idempotent = idempotent;
        this.views = views;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "purchaseInstances", summary = "Buy servers", tags = "instances",
            description = "Buys `quantity` servers of one spec (P1, P2, G1); once per Idempotency-Key.",
            parameters = @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "A key of your choosing (e.g. a UUID): a retry with the same key and body answers the first answer",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 128, pattern = "^[\\x21-\\x7E]{1,128}$")))
    @ApiResponse(responseCode = "201", description = "Paid from the balance: the order and its RUNNING instances",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurchaseView.class),
                    examples = @ExampleObject(name = "monthlyPackage", value = PURCHASED_EXAMPLE,
                            summary = "The README's \"Try it\": bought 2016-01-01 15:00, expires 2016-02-01 23:59:59 (P3)")))
    @ApiResponse(responseCode = "202", description = "THIRD_PARTY: a PENDING_PAYMENT order and its paymentId (P2)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurchaseView.class)))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.PaymentRequired
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ProblemAnswers.Busy
    @ProblemAnswers.InternalError
    public HttpResponse<?> purchase(@Bound Caller caller, @Bound @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                    @Body PurchaseBody body) {
        PurchaseRequest request = body.toRequest(caller.accountId());
        String key = IdempotentRequests.requireKey(idempotencyKey);
        return idempotent.run(caller, "purchase", key, request.canonical(), this::completeReplayedOrder, claim -> {
            IdempotentCompletion answer = purchases.purchase(request,
                    plan -> new IdempotentCompletion(claim.key(), claim.token(), plan.pendingPayment() ? 202 : 201,
                            render(plan))).answer(); // P2: THIRD_PARTY waits for the provider's callback
            return new StoredAnswer(answer.status(), answer.body());
        });
    }

    private String render(PurchasePlan plan) {
        var order = plan.order();
        var view = new PurchaseView(new OrderView(order.id(), order.status().name(), order.amount().toString(),
                order.paymentMethod().name(), order.paymentId()),
                plan.instances().stream().map(views::instance).toList());
        try {
            return json.writeValueAsString(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A retry after a crash mid-way through a large order writes its missing instances. */
    private void completeReplayedOrder(String storedBody) {
        try {
            JsonNode order = json.readValue(storedBody, JsonNode.class).get("order");
            if (order != null && order.get("id") != null) {
                purchases.completeOrder(order.get("id").getStringValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Purchase")
    public record PurchaseView(OrderView order, List<Views.InstanceView> instances) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Order")
    public record OrderView(String id,
                            @Schema(allowableValues = {"PAID", "PENDING_PAYMENT", "CANCELLED"}) String status,
                            @Schema(pattern = Fields.MONEY_ANSWER) String amount,
                            @Schema(allowableValues = {"BALANCE", "THIRD_PARTY"}) String paymentMethod,
                            // always written, null but for THIRD_PARTY; not "required" in the document because
                            // micronaut-openapi drops null members of examples (an example must still validate)
                            @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true,
                                    description = "THIRD_PARTY: the provider's payment (P2); null otherwise") String paymentId) {
    }
}
