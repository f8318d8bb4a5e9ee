package com.edgecloud.bench.coldstart.bare;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.wallet.Wallet;
import java.time.Clock;

/** AccountFunction without a framework: GET /account. */
public class BareAccountHandler extends BareHttp {

    private final DynamoAccountRepository accounts = new DynamoAccountRepository(dynamo, tables);
    private final Clock clock = Clock.systemUTC();

    @Override
    protected Object handle(APIGatewayV2HTTPEvent event) {
        String caller = caller(event);
        Account account = accounts.find(caller)
                .orElse(new Account(caller, false, Verification.NONE, null, Wallet.empty()));
        return views.account(account, clock.instant());
    }
}
