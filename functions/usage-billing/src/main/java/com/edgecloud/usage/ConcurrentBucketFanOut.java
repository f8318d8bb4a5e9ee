package com.edgecloud.usage;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bucket fan-out of the local server ({@code billing.usage-fan-out=local}): each bucket's envelope
 * run by the same handler as its own invocation, at most {@code billing.usage-bucket-concurrency} at
 * once (the queue's maximum concurrency in AWS). A bucket whose run throws is reported FAILED and its
 * instances stay due; the other buckets' runs go on untouched.
 */
@Singleton
@Requires(property = "billing.usage-fan-out", value = "local")
public final class ConcurrentBucketFanOut implements BucketFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentBucketFanOut.class);
    /** Summary counts added up over the buckets. */
    static final List<String> COUNTS = List.of("read", "bills", "paid", "overdue", "transactions");

    private final int concurrency;

    public ConcurrentBucketFanOut(@Value("${billing.usage-bucket-concurrency:4}") int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("billing.usage-bucket-concurrency must be at least 1");
        }
        this.concurrency = concurrency;
    }

    @Override
    public Map<String, Object> fanOut(List<Map<String, Object>> bucketEvents,
                                      Function<Map<String, Object>, Map<String, Object>> runBucket) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, bucketEvents.size())));
        try {
            List<Future<Map<String, Object>>> runs = new ArrayList<>();
            for (Map<String, Object> event : bucketEvents) {
                runs.add(pool.submit(() -> runBucket.apply(event)));
            }
            return summary(bucketEvents, runs);
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Object> summary(List<Map<String, Object>> bucketEvents,
                                               List<Future<Map<String, Object>>> runs) {
        Map<String, Object> summary = new LinkedHashMap<>();
        COUNTS.forEach(key -> summary.put(key, 0));
        boolean stoppedEarly = false;
        List<Object> failed = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Object bucket = bucketEvents.get(i).get("detail");
            try {
                Map<String, Object> result = runs.get(i).get();
                if (!"OK".equals(result.get("status"))) {
                    failed.add(bucket);
                    continue;
                }
                COUNTS.forEach(key -> summary.merge(key, result.getOrDefault(key, 0),
                        (a, b) -> ((Number) a).intValue() + ((Number) b).intValue()));
                stoppedEarly |= Boolean.TRUE.equals(result.get("stoppedEarly"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception crashed) {
                LOG.error("usage run of {} failed, its instances stay due: {}", bucket, crashed.getCause() == null ? crashed : crashed.getCause());
                failed.add(bucket);
            }
        }
        summary.put("stoppedEarly", stoppedEarly);
        summary.put("failedBuckets", failed);
        return summary;
    }
}
