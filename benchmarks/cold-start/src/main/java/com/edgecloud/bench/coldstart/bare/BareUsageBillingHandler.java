package com.edgecloud.bench.coldstart.bare;

import com.edgecloud.billing.metering.BalanceForecast;
import com.edgecloud.billing.metering.LowBalanceWarning;
import com.edgecloud.billing.metering.UsageBilling;
import com.edgecloud.billing.metering.UsageMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** UsageBillingFunction without a framework, run in the function (no bucket queue): G2, G3, G7 over the USAGE buckets. */
public class BareUsageBillingHandler extends BareScheduled {

    private final UsageBilling billing = new UsageBilling(movements, instances, catalog, lifecycle,
            new UsageMeter(calendar.zone()),
            new LowBalanceWarning(new BalanceForecast(instances, catalog),
                    Duration.ofHours(Integer.parseInt(BareAws.env("BILLING_BALANCE_LOW_HOURS", "24")))),
            Integer.parseInt(BareAws.env("BILLING_USAGE_WORKERS", Integer.toString(UsageBilling.DEFAULT_WORKERS))));

    @Override
    protected Map<String, Object> run(Instant now, BooleanSupplier timeLeft) {
        UsageBilling.Run run = billing.run(UsageBilling.allBuckets(), now, timeLeft);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("read", run.read());
        result.put("bills", run.billed().bills());
        result.put("paid", run.billed().paid());
        result.put("overdue", run.billed().overdue());
        result.put("transactions", run.billed().transactions());
        result.put("stoppedEarly", run.stoppedEarly());
        return result;
    }
}
