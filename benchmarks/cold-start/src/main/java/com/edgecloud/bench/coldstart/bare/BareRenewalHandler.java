package com.edgecloud.bench.coldstart.bare;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.billing.dynamodb.DynamoRenewalStore;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.renewal.RenewalPlan;
import com.edgecloud.billing.renewal.RenewalRequest;
import com.edgecloud.billing.renewal.RenewalService;
import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/** RenewalFunction without a framework: POST /instances/{id}/renewals, claimed under its Idempotency-Key like the real one. */
public class BareRenewalHandler extends BareHttp {

    private final DynamoAccountRepository accounts = new DynamoAccountRepository(dynamo, tables);
    private final DynamoIdempotencyStore idempotency = new DynamoIdempotencyStore(dynamo, tables);
    private final RenewalService renewals = new RenewalService(new WalletMovements(accounts, RetryPolicy.DEFAULT),
            new DynamoInstanceRepository(dynamo, tables), new DynamoCatalogRepository(dynamo, tables),
            new DynamoRenewalStore(dynamo, tables, idempotency), calendar, Clock.systemUTC());

    @Override
    protected Object handle(APIGatewayV2HTTPEvent event) throws Exception {
        String caller = caller(event);
        JsonNode in = json.readTree(event.getBody());
        JsonNode d = in.get("duration");
        JsonNode payment = in.get("paymentMethod");
        RenewalRequest request = new RenewalRequest(caller, event.getPathParameters().get("id"),
                new TermDuration(DurationUnit.valueOf(d.get("unit").asText()), d.get("count").asInt()),
                payment == null || payment.isNull() ? PaymentMethod.BALANCE : PaymentMethod.valueOf(payment.asText()));
        String key = header(event, "Idempotency-Key");
        Claim claim = idempotency.claim(caller + "#renewal#" + key, sha256(request.canonical()), Instant.now());
        if (claim instanceof Claim.Replay replay) {
            return json(replay.status(), replay.body());
        }
        if (!(claim instanceof Claim.Acquired acquired)) {
            throw new BillingException(ErrorCode.REQUEST_IN_PROGRESS, "busy");
        }
        try {
            IdempotentCompletion answer = renewals.renew(request,
                    plan -> new IdempotentCompletion(acquired.key(), acquired.token(), 200, render(plan))).answer();
            return json(answer.status(), answer.body());
        } catch (RuntimeException refused) {
            idempotency.release(acquired.key(), acquired.token());
            throw refused;
        }
    }

    @Override
    protected APIGatewayV2HTTPResponse answer(int status, Object body) {
        return body instanceof APIGatewayV2HTTPResponse ready ? ready : super.answer(status, body);
    }

    /** SPEC §11: the instance after renewal, plus {@code charged}. */
    private String render(RenewalPlan plan) {
        ObjectNode view = json.valueToTree(views.instance(plan.renewed()));
        view.put("charged", plan.charged().toString());
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String canonical) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
