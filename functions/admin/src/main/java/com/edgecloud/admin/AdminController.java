package com.edgecloud.admin;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.http.MediaType;
import com.edgecloud.http.ProblemAnswers;
import com.edgecloud.http.Bound;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.SpecChanges;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.idempotency.Canonical;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.WalletRepository;
import com.edgecloud.http.Caller;
import com.edgecloud.http.AdminOnly;
import com.edgecloud.http.Fields;
import com.edgecloud.http.IdempotentRequests;
import com.edgecloud.http.IdempotentRequests.StoredAnswer;
import com.edgecloud.http.Views;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Operator endpoints: accounts (A1), coupons (A2), catalog and stock (C1, C2). Admin role only. */
@Controller("/admin")
public class AdminController {

    private static final String ANY = "*/*";

    private final AccountRepository accounts;
    private final WalletRepository wallets;
    private final CatalogRepository catalog;
    private final SpecChanges specChanges;
    private final IdempotentRequests idempotent;
    private final Views views;
    private final JsonMapper json;
    private final Clock clock;

    public AdminController(AccountRepository accounts, WalletRepository wallets, CatalogRepository catalog,
                           IdempotentRequests idempotent, Views views, JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.wallets = wallets;
        this.catalog = catalog;
        this.specChanges = new SpecChanges(catalog, clock);
        this.idempotent = idempotent;
        this.views = views;
        this.json = json;
        this.clock = clock;
    }

    @Put(value = "/accounts/{id}", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "putAccount", summary = "Set an account's standing and contact (A1)", tags = "admin")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.Forbidden
    @ProblemAnswers.InternalError
    public Views.AccountView putAccount(@AdminOnly Caller caller, @PathVariable String id, @Body AccountProfileBody body) {
        requirePathId("id", id);
        Contact contact = body.contact() == null ? null : body.contact().toContact();
        Instant now = clock.instant();
        return views.account(accounts.saveProfile(id, body.activated(), body.verification(), contact, now), now);
    }

    /**
     * Grants a coupon (A2). It grants money, so it needs an Idempotency-Key (SPEC §9), checked before
     * anything is read or written; a retry with the same key grants it once.
     */
    @Post(value = "/accounts/{id}/coupons", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "grantCoupon", summary = "Grant a coupon (A2)", tags = "admin",
            parameters = @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "A key of your choosing (e.g. a UUID): a retry with the same key and body answers the first answer",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 128, pattern = "^[\\x21-\\x7E]{1,128}$")))
    @ApiResponse(responseCode = "201", description = "The coupon granted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.CouponView.class)))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ProblemAnswers.Busy
    @ProblemAnswers.InternalError
    public HttpResponse<?> grantCoupon(@AdminOnly Caller caller, @PathVariable String id,
                                       @Bound @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                       @Body CouponBody body) {
        String key = IdempotentRequests.requireKey(idempotencyKey);
        requirePathId("id", id);
        Money amount = body.money();
        Instant expiresAt = body.expiry();
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            throw BillingException.validation(List.of(new FieldError("expiresAt",
                    "must be in the future: a coupon that has already expired is worth nothing (A2)")));
        }
        accounts.find(id).orElseThrow(() -> BillingException.notFound("account " + id));
        Coupon coupon = Coupon.grant(Ids.next("cpn"), amount, expiresAt);
        String canonical = Canonical.of("coupon-grant").with("accountId", id).with("amount", amount)
                .with("expiresAt", expiresAt).form();
        return idempotent.run(caller, "coupon-grant", key,
                canonical, stored -> { }, claim -> {
                    // the answer is stored with the grant: a retry can never grant twice
                    StoredAnswer answer = new StoredAnswer(201, write(views.coupon(coupon)));
                    wallets.grantCoupon(id, coupon, now,
                            new IdempotentCompletion(claim.key(), claim.token(), answer.status(), answer.body()));
                    return answer;
                });
    }

    @Put(value = "/catalog/nodes/{nodeId}", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "putNode", summary = "Create or change a node (C1, C3)", tags = "admin")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.Forbidden
    @ProblemAnswers.InternalError
    public Views.NodeView putNode(@AdminOnly Caller caller, @PathVariable String nodeId, @Body NodeBody body) {
        requirePathId("nodeId", nodeId);
        Node node = new Node(nodeId, body.name() == null ? nodeId : body.name(), body.region(), body.city(),
                body.latitude(), body.longitude(), body.nodeStatus());
        catalog.saveNode(node);
        return Views.node(node, null);
    }

    /** C2, C3: hardware and prices replaced; the stock set as a change, so racing purchases keep theirs. */
    @Put(value = "/catalog/nodes/{nodeId}/specs/{specId}", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "putSpec", summary = "Create or change a node's spec, prices and stock (C2, C3)", tags = "admin")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.Forbidden
    @ProblemAnswers.NotFound
    @ProblemAnswers.InternalError
    public Views.SpecView putSpec(@AdminOnly Caller caller, @PathVariable String nodeId, @PathVariable String specId,
                                  @Body SpecBody body) {
        requirePathId("nodeId", nodeId);
        requirePathId("specId", specId);
        catalog.node(nodeId).orElseThrow(() -> BillingException.notFound("node " + nodeId));
        return Views.spec(specChanges.put(new Spec(nodeId, specId, body.name() == null ? specId : body.name(),
                body.hardware(), SpecBody.price(body.monthlyPrice()), SpecBody.price(body.yearlyPrice()),
                SpecBody.price(body.hourlyPrice()), body.stock())));
    }

    /** Path ids are checked like body ids, so nothing odd becomes a key. */
    private static void requirePathId(String field, String value) {
        if (value == null || !value.matches(Fields.ID)) {
            throw BillingException.validation(List.of(new FieldError(field, Fields.ID_MESSAGE)));
        }
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
