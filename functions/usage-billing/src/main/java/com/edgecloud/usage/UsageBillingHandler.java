package com.edgecloud.usage;

import com.amazonaws.services.lambda.runtime.Context;
import com.edgecloud.billing.metering.UsageBilling;
import com.edgecloud.runtime.ScheduledFunction;
import com.edgecloud.runtime.ScheduledRun;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of UsageBillingFunction (hourly, EventBridge rule) and UsageBucketFunction (the
 * bucket queue): G2 bills for every clock hour ended by the event's time, G3 payment or overdue, read
 * from the USAGE buckets of the due-time index only.
 *
 * <p>Three events (issue 19 §3): an hourly event naming no bucket, where a {@link BucketFanOut} is
 * configured, is fanned out, one envelope per bucket; an event naming buckets (or any event without
 * a fan-out) is run here; an SQS event carries bucket envelopes, each run here, and a run that fails
 * fails the invocation, so its message is retried.
 */
public class UsageBillingHandler extends ScheduledFunction {

    private static final Logger LOG = LoggerFactory.getLogger(UsageBillingHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public UsageBillingHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built (DynamoDB Local, their clock). */
    public UsageBillingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context lambda) {
        if (event != null && event.get("Records") instanceof List<?> records) {
            return runQueued(records, lambda);
        }
        Optional<BucketFanOut> fanOut = context.findBean(BucketFanOut.class);
        if (fanOut.isEmpty() || event == null || namesBuckets(event.get("detail"))) {
            return super.handleRequest(event, lambda);
        }
        try {
            ScheduledRun.from(event);
        } catch (ScheduledRun.InvalidScheduledEvent refused) {
            return super.handleRequest(event, lambda); // answered REJECTED there, nothing sent
        }
        return fanOut(event, fanOut.get(), lambda);
    }

    private Map<String, Object> fanOut(Map<String, Object> event, BucketFanOut fanOut, Context lambda) {
        List<Map<String, Object>> bucketEvents = new ArrayList<>();
        for (String bucket : allBuckets()) {
            Map<String, Object> bucketEvent = new LinkedHashMap<>(event);
            bucketEvent.put("detail", Map.of("buckets", List.of(bucket)));
            bucketEvents.add(bucketEvent);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "OK");
        result.put("now", ScheduledRun.from(event).now().toString());
        result.put("buckets", allBuckets());
        result.putAll(fanOut.fanOut(bucketEvents, bucketEvent -> super.handleRequest(bucketEvent, lambda)));
        LOG.info("{} fan-out: {}", getClass().getSimpleName(), result);
        return result;
    }

    /** Each message of the bucket queue is a bucket's envelope; a refused one is dropped (retrying cannot help). */
    private Map<String, Object> runQueued(List<?> records, Context lambda) {
        List<Object> results = new ArrayList<>();
        for (Object record : records) {
            Map<String, Object> envelope = envelope(record);
            Map<String, Object> result = envelope == null ? Map.of("status", "REJECTED") : super.handleRequest(envelope, lambda);
            if (!"OK".equals(result.get("status"))) {
                LOG.warn("bucket message refused, dropped: {}", record);
            }
            results.add(result);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "OK");
        result.put("runs", results);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> envelope(Object record) {
        if (!(record instanceof Map<?, ?> message) || !(message.get("body") instanceof String body)) {
            return null;
        }
        try {
            return JSON.readValue(body, Map.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Whether {@code detail} names buckets (an object or a JSON string with {@code buckets}). */
    private static boolean namesBuckets(Object detail) {
        Object value = detail;
        if (value instanceof String text && !text.isBlank()) {
            try {
                value = JSON.readValue(text, Map.class);
            } catch (JsonProcessingException e) {
                return true; // not ours to judge: run here, where it is answered REJECTED
            }
        }
        return value instanceof Map<?, ?> map && map.get("buckets") != null;
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
