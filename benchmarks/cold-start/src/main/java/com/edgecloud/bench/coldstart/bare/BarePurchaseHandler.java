package com.edgecloud.bench.coldstart.bare;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoPurchaseStore;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.PurchasePlan;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** PurchaseFunction without a framework: POST /instances, claimed under its Idempotency-Key like the real one. */
public class BarePurchaseHandler extends BareHttp {

    private final DynamoAccountRepository accounts = new DynamoAccountRepository(dynamo, tables);
    private final DynamoCatalogRepository catalog = new DynamoCatalogRepository(dynamo, tables);
    private final DynamoIdempotencyStore idempotency = new DynamoIdempotencyStore(dynamo, tables);
    private final PurchaseService purchases = new PurchaseService(new WalletMovements(accounts, RetryPolicy.DEFAULT),
            catalog, new DynamoPurchaseStore(dynamo, tables, catalog, idempotency), calendar,
            Money.parse(env("BILLING_LAUNCH_THRESHOLD", "50.00")), Clock.systemUTC());

    @Override
    protected Object handle(APIGatewayV2HTTPEvent event) throws Exception {
        String caller = caller(event);
        JsonNode in = json.readTree(event.getBody());
        BillingMethod method = BillingMethod.valueOf(in.get("billingMethod").asText());
        JsonNode d = in.get("duration");
        TermDuration duration = d == null || d.isNull() ? null
                : new TermDuration(DurationUnit.valueOf(d.get("unit").asText()), d.get("count").asInt());
        JsonNode payment = in.get("paymentMethod");
        PurchaseRequest request = new PurchaseRequest(caller, in.get("nodeId").asText(), in.get("specId").asText(),
                in.has("quantity") ? in.get("quantity").asInt() : 1, method, duration,
                payment == null ? PaymentMethod.BALANCE : PaymentMethod.valueOf(payment.asText()));
        String key = header(event, "Idempotency-Key");
        Claim claim = idempotency.claim(caller + "#purchase#" + key, sha256(request.canonical()), Instant.now());
        if (claim instanceof Claim.Replay replay) {
            return json(replay.status(), replay.body());
        }
        if (!(claim instanceof Claim.Acquired acquired)) {
            throw new BillingException(ErrorCode.REQUEST_IN_PROGRESS, "busy");
        }
        try {
            IdempotentCompletion answer = purchases.purchase(request,
                    plan -> new IdempotentCompletion(acquired.key(), acquired.token(), 201, render(plan))).answer();
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

    private String render(PurchasePlan plan) {
        var o = plan.order();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", o.id());
        order.put("status", o.status().name());
        order.put("amount", o.amount().toString());
        order.put("paymentMethod", o.paymentMethod().name());
        order.put("paymentId", o.paymentId());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("order", order);
        view.put("instances", plan.instances().stream().map(views::instance).toList());
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
