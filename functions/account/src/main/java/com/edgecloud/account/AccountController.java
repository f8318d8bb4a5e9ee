package com.edgecloud.account;

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
import java.time.Clock;

/** The caller's account: balances (A2) and ledger (A4). */
@Controller("/account")
public class AccountController {

    private final AccountRepository accounts;
    private final WalletRepository wallets;
    private final Views views;
    private final Clock clock;

    public AccountController(AccountRepository accounts, WalletRepository wallets, Views views, Clock clock) {
        this.accounts = accounts;
        this.wallets = wallets;
        this.views = views;
        this.clock = clock;
    }

    /** An account no operator has set up yet reads as not activated, not verified, with nothing in it. */
    @Get
    public AccountView get(Caller caller) {
        Account account = accounts.find(caller.accountId())
                .orElse(new Account(caller.accountId(), false, Verification.NONE, null, Wallet.empty()));
        return views.account(account, clock.instant());
    }

    @Get("/ledger")
    public ListView<LedgerEntryView> ledger(Caller caller, @Nullable @QueryValue String limit,
                                            @Nullable @QueryValue String nextToken) {
        PageRequest page = PageRequest.of(limit, nextToken);
        return Views.list(wallets.ledger(caller.accountId(), page.limit(), page.nextToken()), views::ledgerEntry);
    }
}
