package com.edgecloud.expiry;

import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.lifecycle.ExpirySweepRun;
import com.edgecloud.billing.payment.OrderCancellations;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.runtime.ScheduledFunction;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Lambda entry point of ExpirySweepFunction (every 5 minutes, EventBridge rule): E4 warnings,
 * E3 expiry and the release at the end of retention (E5 notifications), read from the EXPIRY
 * buckets of the due-time index only; the paid orders a crash left short ({@code ORDER#n}); and the
 * third-party orders unpaid after 30 minutes, cancelled with their stock returned (P2).
 */
public class ExpirySweepHandler extends ScheduledFunction {

    public ExpirySweepHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public ExpirySweepHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Object> run(List<String> buckets, Instant now, BooleanSupplier timeLeft) {
        List<String> instanceBuckets = buckets.stream().filter(b -> b.startsWith(Due.Kind.EXPIRY.name())).toList();
        List<String> orderBuckets = buckets.stream().filter(b -> b.startsWith(Due.Kind.ORDER.name())).toList();
        ExpirySweepRun.Result run = context.getBean(ExpirySweepRun.class).run(instanceBuckets, now, timeLeft);
        int orders = context.getBean(PurchaseService.class).completeIncompleteOrders(orderBuckets, now, timeLeft);
        int cancelled = buckets.contains(OrderCancellations.BUCKET) && timeLeft.getAsBoolean()
                ? context.getBean(OrderCancellations.class).cancelAllDue(now, timeLeft) : 0; // P2: unpaid 30 minutes
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("read", run.read());
        result.put("changed", run.changed());
        result.put("released", run.released());
        result.put("ordersCompleted", orders);
        result.put("ordersCancelled", cancelled);
        result.put("stoppedEarly", run.stoppedEarly() || !timeLeft.getAsBoolean());
        return result;
    }

    @Override
    protected List<String> allBuckets() {
        return Stream.of(ExpirySweepRun.allBuckets(), Due.buckets(Due.Kind.ORDER),
                List.of(OrderCancellations.BUCKET)).flatMap(List::stream).toList();
    }
}
