package com.edgecloud.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.metering.UsageBilling;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.SampleEvents;
import com.edgecloud.testing.ScheduledEvents;
import com.edgecloud.testing.TestContexts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 §3: the hourly run fans out one run per bucket, run concurrently (here on the local
 * server's pool, as the bucket queue's consumers do in AWS); a crash in one bucket's run leaves the
 * other buckets billed and its own instances due for the next run; a queued bucket message is run.
 */
class BucketFanOutIntegrationTest {

    static final Fixtures fixtures = new Fixtures();
    static final ObjectMapper JSON = new ObjectMapper();
    static ApplicationContext context;
    static UsageBillingHandler handler;

    @BeforeAll
    static void start() {
        context = TestContexts.start(Map.of("billing.usage-fan-out", "local", "billing.usage-bucket-concurrency", 4));
        handler = new UsageBillingHandler(context);
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    /** One server per account until every bucket holds one (an account's servers share its bucket). */
    private static List<Instance> serversInEveryBucket(Instant launch) {
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 100);
        List<Instance> servers = new ArrayList<>();
        Set<String> buckets = new HashSet<>();
        while (buckets.size() < UsageBilling.allBuckets().size()) {
            String account = fixtures.verifiedAccount();
            fixtures.recharge(account, "100.00");
            Instance server = fixtures.payByConfiguration(account, spec, launch);
            buckets.add(server.due().bucket());
            servers.add(server);
        }
        return servers;
    }

    private static List<Instance> in(List<Instance> servers, String bucket, boolean inside) {
        return servers.stream().filter(s -> s.due().bucket().equals(bucket) == inside).toList();
    }

    @Test
    void hourlyEventRunsEveryBucketAsItsOwnRun() {
        fixtures.clearDue();
        Instant launch = Instant.parse("2026-09-01T00:00:00Z");
        List<Instance> servers = serversInEveryBucket(launch);

        Map<String, Object> result = handler.handleRequest(ScheduledEvents.at(launch.plus(Duration.ofHours(1)), Map.of()), null);

        assertEquals("OK", result.get("status"), result.toString());
        assertEquals(servers.size(), result.get("bills"), result.toString());
        assertEquals(List.of(), result.get("failedBuckets"));
        for (Instance server : servers) {
            assertEquals(launch.plus(Duration.ofHours(1)), fixtures.instance(server.id()).billedUntil());
        }
    }

    @Test
    void crashInOneBucketLeavesTheOthersBilledAndItsOwnWorkDue() {
        fixtures.clearDue();
        Instant launch = Instant.parse("2026-10-01T00:00:00Z");
        List<Instance> servers = serversInEveryBucket(launch);
        Instant hour = launch.plus(Duration.ofHours(1));
        String crashing = servers.get(0).due().bucket();
        List<Instance> crashed = in(servers, crashing, true);
        ConcurrentBucketFanOut fanOut = new ConcurrentBucketFanOut(4);
        List<Map<String, Object>> events = new ArrayList<>();
        UsageBilling.allBuckets().forEach(b -> events.add(ScheduledEvents.at(hour, Map.of("buckets", List.of(b)))));

        Map<String, Object> result = fanOut.fanOut(events, event -> {
            if (((Map<?, ?>) event.get("detail")).get("buckets").equals(List.of(crashing))) {
                throw new IllegalStateException("injected crash of one bucket's run");
            }
            return handler.handleRequest(event, null);
        });

        assertEquals(List.of(Map.of("buckets", List.of(crashing))), result.get("failedBuckets"));
        assertEquals(servers.size() - crashed.size(), result.get("bills"));
        for (Instance server : in(servers, crashing, false)) {
            assertEquals(hour, fixtures.instance(server.id()).billedUntil(), "another bucket's server is billed");
        }
        for (Instance server : crashed) {
            Instance left = fixtures.instance(server.id());
            assertEquals(launch, left.billedUntil(), "the crashed bucket's server is not billed");
            assertEquals(hour, left.due().at(), "and stays due");
        }

        Map<String, Object> next = handler.handleRequest(ScheduledEvents.at(hour, Map.of()), null);
        assertEquals(crashed.size(), next.get("bills"), "the next run bills what the crash left, and only that");
        for (Instance server : crashed) {
            assertEquals(hour, fixtures.instance(server.id()).billedUntil());
        }
    }

    /**
     * events/usage-bucket.json, UsageBucketFunction's sample: the SQS event of the message the fan-out
     * sends for the hourly sample's first bucket, body for body; run through the real handler, it
     * bills that bucket's servers and only those.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theBucketSampleIsTheMessageTheFanOutSendsAndBillsItsBucket_G2() throws Exception {
        Map<String, Object> sample = JSON.readValue(SampleEvents.read("usage-bucket.json"), Map.class);
        Map<String, Object> message = (Map<String, Object>) ((List<?>) sample.get("Records")).get(0);
        List<Map<String, Object>> sent = new ArrayList<>();
        BucketFanOut capturing = (bucketEvents, runBucket) -> {
            sent.addAll(bucketEvents);
            return Map.of();
        };
        UsageBillingHandler hourly = new UsageBillingHandler(TestContexts.start(Map.of(), capturing));
        hourly.handleRequest(JSON.readValue(SampleEvents.read("usage-billing.json"), Map.class), null);
        hourly.close();
        assertEquals(SqsBucketFanOut.body(sent.get(0)), message.get("body"));

        fixtures.clearDue();
        Instant launch = Instant.parse("2016-01-01T07:00:00Z");
        List<Instance> servers = serversInEveryBucket(launch);
        String bucket = UsageBilling.allBuckets().get(0);

        Map<String, Object> result = handler.handleRequest(sample, null);

        Map<?, ?> run = (Map<?, ?>) ((List<?>) result.get("runs")).get(0);
        assertEquals("OK", run.get("status"), result.toString());
        assertEquals(in(servers, bucket, true).size(), run.get("bills"), result.toString());
        for (Instance server : in(servers, bucket, true)) {
            assertEquals(launch.plusSeconds(3600), fixtures.instance(server.id()).billedUntil());
        }
        for (Instance other : in(servers, bucket, false)) {
            assertEquals(launch, fixtures.instance(other.id()).billedUntil(), "only the message's bucket ran");
        }
    }

    @Test
    void queuedBucketMessageIsRunAndAMalformedOneDropped() throws Exception {
        fixtures.clearDue();
        Instant launch = Instant.parse("2026-11-01T00:00:00Z");
        List<Instance> servers = serversInEveryBucket(launch);
        Instance server = servers.get(0);
        List<Instance> named = in(servers, server.due().bucket(), true);
        Instant hour = launch.plus(Duration.ofHours(1));
        String body = new ObjectMapper().writeValueAsString(
                ScheduledEvents.at(hour, Map.of("buckets", List.of(server.due().bucket()))));

        Map<String, Object> result = handler.handleRequest(Map.of("Records",
                List.of(Map.of("body", body), Map.of("body", "not json"))), null);

        List<?> runs = (List<?>) result.get("runs");
        assertEquals(named.size(), ((Map<?, ?>) runs.get(0)).get("bills"), result.toString());
        assertEquals("REJECTED", ((Map<?, ?>) runs.get(1)).get("status"));
        assertEquals(hour, fixtures.instance(server.id()).billedUntil());
        for (Instance other : in(servers, server.due().bucket(), false)) {
            assertNotEquals(hour, fixtures.instance(other.id()).billedUntil(), "only the named bucket ran");
        }
    }
}
