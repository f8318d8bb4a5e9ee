package com.edgecloud.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.CallbackSignature;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import com.edgecloud.runtime.AwsClients;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.aws.MotoExtension;
import com.edgecloud.testing.aws.MotoServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * A5 and issue 16: where PaymentCallbackFunction's secret comes from. The SSM SecureString is read
 * through the SSM API of moto's server (decrypted, as with the AWS-managed key), and a function
 * with no secret configured fails closed.
 */
@ExtendWith(MotoExtension.class)
class CallbackSecretSourcesTest {

    static final Fixtures fixtures = new Fixtures();

    @Test
    void aCallbackSignedWithTheSsmSecureStringIsAcceptedAndOneSignedOtherwiseIsNot_A5(MotoServer moto) {
        // the template's default name: the IAM check (IamFromTrafficTest) holds this read to its grant
        String parameter = "/edge-server-billing/payments/callback-secret";
        String secret = "provider-secret-" + UUID.randomUUID();
        try (SsmClient ssm = moto.configure(SsmClient.builder()).build()) {
            ssm.putParameter(r -> r.name(parameter).value(secret).type(ParameterType.SECURE_STRING).overwrite(true));
        }
        try (FunctionHarness function = new FunctionHarness(PaymentCallbackHandler::new, Map.of(
                "payments.callback-secret-parameter", parameter,
                AwsClients.ENDPOINT_OVERRIDE, moto.endpoint().toString()))) {
            HandlerApi api = new HandlerApi(function);
            String account = fixtures.verifiedAccount();
            String paymentId = recharge(api, account);
            String body = body(paymentId);

            api.problem(callback(api, body, sign("local-callback-secret", body)), 401, "UNAUTHENTICATED");
            assertEquals(200, callback(api, body, sign(secret, body)).getStatusCode());
            assertEquals(Money.parse("100.00"), fixtures.account(account).wallet().cash());
        }
    }

    @Test
    void withNoSecretConfiguredEveryCallbackIsRefusedWith500AndChangesNothing_failClosed() {
        try (FunctionHarness function = new FunctionHarness(PaymentCallbackHandler::new, Map.of())) {
            HandlerApi api = new HandlerApi(function);
            String account = fixtures.verifiedAccount();
            String paymentId = recharge(api, account);
            String body = body(paymentId);

            // signed with the secret the local server uses: once a deployed default, never again
            api.problem(callback(api, body, sign("local-callback-secret", body)), 500, "INTERNAL_ERROR");
            api.problem(callback(api, body, sign("another-secret", body)), 500, "INTERNAL_ERROR");
            assertEquals(Money.ZERO, fixtures.account(account).wallet().cash());
        }
    }

    static String recharge(HandlerApi api, String account) {
        return api.ok(api.call("account-recharge.json", "POST", "/account/recharges", "{\"amount\":\"100.00\"}",
                        account, "[user]", Map.of("idempotency-key", UUID.randomUUID().toString())), 201)
                .get("paymentId").getStringValue();
    }

    static String body(String paymentId) {
        return "{\"paymentId\":\"" + paymentId + "\",\"status\":\"SUCCEEDED\",\"amount\":\"100.00\"}";
    }

    static String sign(String secret, String body) {
        return new CallbackSignature(secret).sign(body.getBytes(StandardCharsets.UTF_8));
    }

    static APIGatewayV2HTTPResponse callback(HandlerApi api, String body, String signature) {
        return api.call("payment-callback.json", "POST", "/payments/callback", body, null, null,
                Map.of("x-payment-signature", signature));
    }
}
