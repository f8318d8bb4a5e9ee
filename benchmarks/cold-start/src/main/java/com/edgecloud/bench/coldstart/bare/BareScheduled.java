package com.edgecloud.bench.coldstart.bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.billing.dynamodb.DynamoLifecycleStore;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.runtime.ScheduledFunction;
import com.edgecloud.runtime.ScheduledRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The "bare" side for a scheduled function: the EventBridge envelope read with the functions' own
 * {@link ScheduledRun} (T2: its {@code time} is now; an event dated ahead of the system clock is
 * refused), every bucket run, the summary answered. The same client, repositories and services as
 * the framework's beans, built by hand; REJECTED for an event it cannot run.
 */
public abstract class BareScheduled implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** ScheduledFunction.MAX_AHEAD, not read from there: that would load the framework's base class. */
    private static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    protected final DynamoDbClient dynamo = BareAws.dynamoDbClient();
    protected final TableNames tables = TableNames.from(System.getenv());
    protected final ExpiryCalendar calendar = new ExpiryCalendar(ZoneId.of(BareAws.env("BILLING_ZONE", "Asia/Shanghai")));
    protected final Clock clock = Clock.systemUTC();
    protected final DynamoAccountRepository accounts = new DynamoAccountRepository(dynamo, tables);
    protected final WalletMovements movements = new WalletMovements(accounts, RetryPolicy.DEFAULT);
    protected final DynamoInstanceRepository instances = new DynamoInstanceRepository(dynamo, tables);
    protected final DynamoCatalogRepository catalog = new DynamoCatalogRepository(dynamo, tables);
    protected final DynamoLifecycleStore lifecycle = new DynamoLifecycleStore(dynamo, tables);
    protected final DynamoIdempotencyStore idempotency = new DynamoIdempotencyStore(dynamo, tables);

    protected BareScheduled() {
        Due.configureBuckets(Integer.parseInt(BareAws.env("BILLING_DUE_BUCKETS", "4")));
    }

    @Override
    public final Map<String, Object> handleRequest(Map<String, Object> event, Context lambda) {
        Map<String, Object> result = new LinkedHashMap<>();
        ScheduledRun scheduled;
        try {
            scheduled = ScheduledRun.from(event);
            scheduled.refuseAhead(clock.instant(), MAX_AHEAD);
        } catch (ScheduledRun.InvalidScheduledEvent e) {
            result.put("status", "REJECTED");
            result.put("error", e.getMessage());
            return result;
        }
        BooleanSupplier timeLeft = () -> lambda == null || lambda.getRemainingTimeInMillis() > ScheduledFunction.MARGIN_MILLIS; // a constant: inlined
        result.put("status", "OK");
        result.put("now", scheduled.now().toString());
        result.putAll(run(scheduled.now(), timeLeft));
        return result;
    }

    /** Runs over every bucket at {@code now}; the summary's counts. */
    protected abstract Map<String, Object> run(Instant now, BooleanSupplier timeLeft);
}
