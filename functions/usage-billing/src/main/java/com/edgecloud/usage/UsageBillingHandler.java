package com.edgecloud.usage;

import com.edgecloud.billing.metering.UsageBilling;
import com.edgecloud.runtime.ScheduledFunction;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Lambda entry point of UsageBillingFunction (hourly, EventBridge rule): G2 bills for every clock
 * hour ended by the event's time, G3 payment or overdue, read from the USAGE buckets of the
 * due-time index only.
 */
public class UsageBillingHandler extends ScheduledFunction {

    public UsageBillingHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public UsageBillingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Object> run(List<String> buckets, Instant now, BooleanSupplier timeLeft) {
        UsageBilling.Run run = context.getBean(UsageBilling.class).run(buckets, now, timeLeft);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("read", run.read());
        result.put("bills", run.billed().bills());
        result.put("paid", run.billed().paid());
        result.put("overdue", run.billed().overdue());
        result.put("transactions", run.billed().transactions());
        result.put("stoppedEarly", run.stoppedEarly());
        return result;
    }

    @Override
    protected List<String> allBuckets() {
        return UsageBilling.allBuckets();
    }
}
