package com.edgecloud.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.ScheduledEvents;
import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The due index's bucket count is configuration, and one invocation sweeps only the buckets its event names. */
class DueBucketsConfigurationTest {

    static final Fixtures fixtures = new Fixtures();
    static ApplicationContext context;
    static UsageBillingHandler handler;

    @BeforeAll
    static void start() {
        context = TestContexts.start(Map.of("billing.due-buckets", 8));
        handler = new UsageBillingHandler(context);
    }

    @AfterAll
    static void stop() {
        handler.close();
        Due.configureBuckets(Due.DEFAULT_BUCKETS);
    }

    private static Map<String, Object> run(Instant time, Object detail) {
        return handler.handleRequest(ScheduledEvents.at(time, detail), null);
    }

    @Test
    void eightBucketsEachSweptByItsOwnInvocation() {
        fixtures.clearDue();
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant launch = Instant.parse("2026-05-01T02:00:00Z");
        Instance instance;
        do { // until one lands in a bucket that only a count above the default has (its account's bucket)
            String account = fixtures.verifiedAccount();
            fixtures.recharge(account, "100.00");
            instance = fixtures.payByConfiguration(account, spec, launch);
        } while (Integer.parseInt(instance.due().bucket().substring("USAGE#".length())) < Due.DEFAULT_BUCKETS);
        String bucket = instance.due().bucket();
        String other = bucket.equals("USAGE#7") ? "USAGE#6" : "USAGE#7";

        assertEquals(0, run(launch.plusSeconds(3600), Map.of("buckets", List.of(other))).get("bills"),
                "another bucket's invocation does not see it");
        assertEquals(1, run(launch.plusSeconds(3600), Map.of("buckets", List.of(bucket))).get("bills"));
        assertEquals(List.of("USAGE#0", "USAGE#1", "USAGE#2", "USAGE#3", "USAGE#4", "USAGE#5", "USAGE#6", "USAGE#7"),
                run(launch.plusSeconds(3600), Map.of()).get("buckets"));
    }
}
