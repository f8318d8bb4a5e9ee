package com.edgecloud.bench.coldstart.bare;

import com.edgecloud.billing.dynamodb.DynamoPaymentStore;
import com.edgecloud.billing.dynamodb.DynamoPurchaseStore;
import com.edgecloud.billing.dynamodb.DynamoRenewalStore;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.lifecycle.ExpirySweepRun;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.OrderCancellations;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.billing.renewal.RenewalService;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** ExpirySweepFunction without a framework: E3-E5 over the EXPIRY buckets, short paid orders, unpaid orders (P2). */
public class BareExpirySweepHandler extends BareScheduled {

    private final ExpirySweepRun sweep = new ExpirySweepRun(lifecycle, instances, new RenewalService(movements, instances,
            catalog, new DynamoRenewalStore(dynamo, tables, idempotency), calendar, clock));
    private final PurchaseService purchases = new PurchaseService(movements, catalog,
            new DynamoPurchaseStore(dynamo, tables, catalog, idempotency), calendar,
            Money.parse(BareAws.env("BILLING_LAUNCH_THRESHOLD", "50.00")), clock);
    private final OrderCancellations cancellations = new OrderCancellations(new DynamoPaymentStore(dynamo, tables, idempotency));

    @Override
    protected Map<String, Object> run(Instant now, BooleanSupplier timeLeft) {
        ExpirySweepRun.Result run = sweep.run(ExpirySweepRun.allBuckets(), now, timeLeft);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("read", run.read());
        result.put("changed", run.changed());
        result.put("released", run.released());
        result.put("ordersCompleted", purchases.completeIncompleteOrders(Due.buckets(Due.Kind.ORDER), now, timeLeft));
        result.put("ordersCancelled", cancellations.cancelAllDue(now, timeLeft));
        result.put("stoppedEarly", run.stoppedEarly());
        return result;
    }
}
