package com.edgecloud.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.edgecloud.billing.time.SystemTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of a scheduled function (T2): reads the EventBridge envelope, takes its {@code time} as
 * now and the buckets named in {@code detail} ({@code {"buckets":["USAGE#0"]}}, an object or a
 * JSON string; default all), runs one domain service until the Lambda's remaining time falls under
 * a margin, and answers a summary. An event it cannot run is logged and answered
 * {@code status: REJECTED} without touching anything: retrying it could not help. Deployed (on the
 * system clock), that includes an event dated more than {@link #MAX_AHEAD} in the future.
 */
public abstract class ScheduledFunction implements RequestHandler<Map<String, Object>, Map<String, Object>>,
        AutoCloseable {

    /** Stop starting new pages when less than this is left of the invocation. */
    public static final long MARGIN_MILLIS = 20_000;
    /** T2: how far ahead of the system clock a deployed function accepts an event's {@code time}. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledFunction.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    protected final ApplicationContext context;

    protected ScheduledFunction() {
        this(ApplicationContext.run());
    }

    protected ScheduledFunction(ApplicationContext context) {
        this.context = context;
    }

    /** Runs over {@code buckets} at {@code now}; returns the summary fields. */
    protected abstract Map<String, Object> run(List<String> buckets, Instant now, BooleanSupplier timeLeft);

    /** Every bucket of this function's kind, and the prefix a named bucket must have. */
    protected abstract List<String> allBuckets();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context lambda) {
        return Observability.withLogging(lambda, () -> {
            Map<String, Object> result = handle(event, lambda);
            if ("OK".equals(result.get("status"))) {
                Observability.publish(lambda, metrics(result),
                        lambda == null ? Map.of() : Map.of(Observability.TIME_LEFT, lambda.getRemainingTimeInMillis()));
            }
            return result;
        });
    }

    /**
     * The run's counts as EMF metrics: every number of the summary under its metric name
     * ({@link #METRIC_NAMES}, else the key capitalised), bills left unpaid, and
     * {@value Observability#SWEEP_STOPPED_EARLY} as 0 or 1.
     */
    static Map<String, Number> metrics(Map<String, Object> result) {
        Map<String, Number> metrics = new LinkedHashMap<>();
        result.forEach((key, value) -> {
            if (value instanceof Number number) {
                metrics.put(METRIC_NAMES.getOrDefault(key, Character.toUpperCase(key.charAt(0)) + key.substring(1)), number);
            }
        });
        if (result.get("bills") instanceof Number bills && result.get("paid") instanceof Number paid) {
            metrics.put("BillsUnpaid", bills.longValue() - paid.longValue());
        }
        metrics.put(Observability.SWEEP_STOPPED_EARLY, Boolean.TRUE.equals(result.get("stoppedEarly")) ? 1 : 0);
        return metrics;
    }

    /** Summary keys of the scheduled functions and the metric each is published as. */
    static final Map<String, String> METRIC_NAMES = Map.of(
            "read", "ItemsRead",
            "changed", "ItemsChanged",
            "released", "Releases",
            "bills", "BillsIssued",
            "paid", "BillsPaid",
            "overdue", "OverdueTransitions",
            "transactions", "Transactions");

    private Map<String, Object> handle(Map<String, Object> event, Context lambda) {
        ScheduledRun scheduled;
        List<String> buckets;
        try {
            scheduled = ScheduledRun.from(event);
            if (!(context.getBean(Clock.class) instanceof SettableClock)) {
                // Deployed (system clock): no run of the future. The local server's settable clock is its own to set.
                scheduled.refuseAhead(context.getBean(SystemTime.class).now(), MAX_AHEAD);
            }
            buckets = buckets(scheduled.detail());
        } catch (ScheduledRun.InvalidScheduledEvent e) {
            LOG.warn("{}: scheduled event refused, nothing done: {}", getClass().getSimpleName(), e.getMessage());
            Map<String, Object> rejected = new LinkedHashMap<>();
            rejected.put("status", "REJECTED");
            rejected.put("error", e.getMessage());
            return rejected;
        }
        BooleanSupplier timeLeft = () -> lambda == null || lambda.getRemainingTimeInMillis() > MARGIN_MILLIS;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "OK");
        result.put("now", scheduled.now().toString());
        result.put("buckets", buckets);
        result.putAll(run(buckets, scheduled.now(), timeLeft));
        LOG.info("{}: {}", getClass().getSimpleName(), result);
        return result;
    }

    private List<String> buckets(Object detail) {
        Object value = detail;
        if (value instanceof String text) {
            if (text.isBlank()) {
                return allBuckets();
            }
            try {
                value = JSON.readValue(text, Map.class);
            } catch (JsonProcessingException e) {
                throw new ScheduledRun.InvalidScheduledEvent("'detail' is neither an object nor a JSON object string");
            }
        }
        if (!(value instanceof Map<?, ?> map) || map.get("buckets") == null) {
            return allBuckets();
        }
        if (!(map.get("buckets") instanceof List<?> named) || named.isEmpty()) {
            throw new ScheduledRun.InvalidScheduledEvent("'detail.buckets' must be a non-empty list of " + allBuckets());
        }
        for (Object bucket : named) {
            if (!allBuckets().contains(bucket)) {
                throw new ScheduledRun.InvalidScheduledEvent("unknown bucket " + bucket + "; known: " + allBuckets());
            }
        }
        return named.stream().map(String.class::cast).toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
