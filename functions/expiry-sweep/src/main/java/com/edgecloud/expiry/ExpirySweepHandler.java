package com.edgecloud.expiry;

import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.lifecycle.ExpirySweepRun;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.runtime.ScheduledFunction;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Lambda entry point of ExpirySweepFunction (every 5 minutes, EventBridge rule): E4 warnings,
 * E3 expiry and the release at the end of retention (E5 notifications), read from the EXPIRY
 * buckets of the due-time index only; and the paid orders a crash left short ({@code ORDER#n}).
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
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("read", run.read());
        result.put("changed", run.changed());
        result.put("ordersCompleted", orders);
        result.put("stoppedEarly", run.stoppedEarly() || !timeLeft.getAsBoolean());
        return result;
    }

    @Override
    protected List<String> allBuckets() {
        return java.util.stream.Stream.concat(ExpirySweepRun.allBuckets().stream(),
                Due.buckets(Due.Kind.ORDER).stream()).toList();
    }
}
