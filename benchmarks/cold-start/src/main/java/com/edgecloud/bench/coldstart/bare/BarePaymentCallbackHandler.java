package com.edgecloud.bench.coldstart.bare;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.dynamodb.DynamoArrearsStore;
import com.edgecloud.billing.dynamodb.DynamoBillRepository;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.billing.dynamodb.DynamoPaymentStore;
import com.edgecloud.billing.dynamodb.DynamoPurchaseStore;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.metering.ArrearsSettlement;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.PaymentCallback;
import com.edgecloud.billing.payment.PaymentProvider;
import com.edgecloud.billing.payment.PaymentService;
import com.edgecloud.billing.payment.PaymentStatus;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.http.Views;
import com.edgecloud.payment.CallbackSecret;
import com.edgecloud.runtime.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * PaymentCallbackFunction without a framework: POST /payments/callback (A5), the signature over the
 * raw body checked first with the secret read from SSM on the first callback, as deployed.
 */
public class BarePaymentCallbackHandler extends BareHttp {

    private final Clock clock = Clock.systemUTC();
    private final AwsClients aws = BareAws.awsClients();
    private final String parameter = BareAws.setting("payments.callback-secret-parameter", BareAws.env("CALLBACK_SECRET_PARAMETER", ""));
    private final CallbackSecret secret = new CallbackSecret(this::fromSsm);
    private final DynamoAccountRepository accounts = new DynamoAccountRepository(dynamo, tables);
    private final WalletMovements movements = new WalletMovements(accounts, RetryPolicy.DEFAULT);
    private final DynamoInstanceRepository instances = new DynamoInstanceRepository(dynamo, tables);
    private final DynamoCatalogRepository catalog = new DynamoCatalogRepository(dynamo, tables);
    private final DynamoIdempotencyStore idempotency = new DynamoIdempotencyStore(dynamo, tables);
    private final PaymentService payments = new PaymentService(movements, accounts,
            new DynamoPaymentStore(dynamo, tables, idempotency),
            new PurchaseService(movements, catalog, new DynamoPurchaseStore(dynamo, tables, catalog, idempotency), calendar,
                    Money.parse(env("BILLING_LAUNCH_THRESHOLD", "50.00")), clock),
            PaymentProvider.RECORD_ONLY,
            new ArrearsSettlement(movements, new DynamoBillRepository(dynamo, tables), instances,
                    new DynamoArrearsStore(dynamo, tables), calendar.zone(), clock),
            clock);

    @Override
    protected Object handle(APIGatewayV2HTTPEvent event) throws Exception {
        String body = event.getBody() == null ? "" : event.getBody();
        if (!secret.signature().verifies(body.getBytes(StandardCharsets.UTF_8), header(event, "X-Payment-Signature"))) {
            throw new BillingException(ErrorCode.UNAUTHENTICATED, "bad signature");
        }
        JsonNode in = json.readTree(body);
        return Views.payment(payments.confirm(new PaymentCallback(in.get("paymentId").asText(),
                PaymentStatus.valueOf(in.get("status").asText()), Money.parse(in.get("amount").asText()))));
    }

    private String fromSsm() {
        try (SsmClient ssm = aws.configure(SsmClient.builder()).build()) {
            return ssm.getParameter(r -> r.name(parameter).withDecryption(true)).parameter().value();
        }
    }
}
