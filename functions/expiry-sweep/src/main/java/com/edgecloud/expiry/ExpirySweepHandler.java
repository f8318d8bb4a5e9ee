package com.edgecloud.expiry;

import com.edgecloud.billing.lifecycle.ExpirySweepRun;
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
 * buckets of the due-time index only.
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
        ExpirySweepRun.Result run = context.getBean(ExpirySweepRun.class).run(buckets, now, timeLeft);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("read", run.read());
        result.put("changed", run.changed());
        result.put("stoppedEarly", run.stoppedEarly());
        return result;
    }

    @Override
    protected List<String> allBuckets() {
        return ExpirySweepRun.allBuckets();
    }
}
