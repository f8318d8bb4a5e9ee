package com.edgecloud.account;

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
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.wallet.Wallet;
import com.edgecloud.billing.wallet.WalletRepository;
import com.edgecloud.http.Caller;
import com.edgecloud.http.PageRequest;
import com.edgecloud.http.Views;
import com.edgecloud.http.Views.AccountView;
import com.edgecloud.http.Views.LedgerEntryView;
import com.edgecloud.http.Views.ListView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import com.edgecloud.billing.idempotency.Canonical;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.payment.PaymentService;
import com.edgecloud.http.IdempotentRequests;
import com.edgecloud.http.IdempotentRequests.StoredAnswer;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/** The caller's account: balances (A2), ledger (A4) and recharges through the provider (A5). */
@Controller("/account")
public class AccountController {

    private final AccountRepository accounts;
    private final WalletRepository wallets;
    private final Views views;
    private final Clock clock;
    private final PaymentService payments;
    private final IdempotentRequests idempotent;
    private final JsonMapper json;

    public AccountController(AccountRepository accounts, WalletRepository wallets, Views views, Clock clock,
                             PaymentService payments, IdempotentRequests idempotent, JsonMapper json) {
        this.payments = payments;
        this.idempotent = idempotent;
        this.json = json;
        this.accounts = accounts;
        this.wallets = wallets;
        this.views = views;
        this.clock = clock;
    }

    /** An account no operator has set up yet reads as not activated, not verified, with nothing in it. */
    @Get
    @Operation(operationId = "getAccount", summary = "Read the caller's account and balances", tags = "account")
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.InternalError
    public AccountView get(@Bound Caller caller) {
        Account account = accounts.find(caller.accountId())
                .orElse(new Account(caller.accountId(), false, Verification.NONE, null, Wallet.empty()));
        return views.account(account, clock.instant());
    }

    @Get("/ledger")
    @Operation(operationId = "listLedger", summary = "List the caller's ledger (A4)", tags = "account")
    @ListAnswers.LedgerEntries
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.InternalError
    public ListView<LedgerEntryView> ledger(@Bound Caller caller, @PageLimit @Nullable @QueryValue String limit,
                                            @Nullable @QueryValue String nextToken) {
        PageRequest page = PageRequest.of(limit, nextToken);
        return Views.list(wallets.ledger(caller.accountId(), page.limit(), page.nextToken()), views::ledgerEntry);
    }

    /**
     * A5: a PENDING payment for the provider to collect; the cash arrives with its signed callback.
     * 0.01 to 1,000,000.00 (ours).
     */
    @Post(uri = "/recharges", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "rechargeAccount", summary = "Recharge the balance through the payment provider (A5)", tags = "account",
            parameters = @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "A key of your choosing (e.g. a UUID): a retry with the same key and body answers the first answer",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 128, pattern = "^[\\x21-\\x7E]{1,128}$")))
    @ApiResponse(responseCode = "201", description = "A PENDING payment for the provider to collect",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.PaymentView.class)))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.Forbidden
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ProblemAnswers.Busy
    @ProblemAnswers.InternalError
    public HttpResponse<?> recharge(@Bound Caller caller, @Bound @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey,
                                    @Body RechargeBody body) {
        Money amount = body.money();
        String key = IdempotentRequests.requireKey(idempotencyKey);
        String canonical = Canonical.of("recharge").with("accountId", caller.accountId())
                .with("amountFen", amount.fen()).form();
        return idempotent.run(caller, "recharge", key, canonical, replayed -> { }, claim -> {
            // the answer stored with the payment and the one sent now are the same rendering of it
            Payment payment = payments.requestRecharge(caller.accountId(), amount, opened -> new IdempotentCompletion(
                    claim.key(), claim.token(), 201, render(opened)));
            return new StoredAnswer(201, render(payment));
        });
    }

    private String render(Payment payment) {
        try {
            return json.writeValueAsString(Views.payment(payment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
