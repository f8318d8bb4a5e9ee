package com.edgecloud.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.ScheduledEvents;
import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * T2: a deployed scheduled function (business time is the system clock) refuses an event dated
 * more than 5 minutes ahead of the system clock, so an operator's replay dated tomorrow cannot run
 * hours that have not happened: REJECTED, nothing written. The local server's settable clock, and
 * tests on it, replay any instant as before.
 */
class FutureScheduledEventsIntegrationTest {

    static final Fixtures fixtures = new Fixtures();
    static ExpirySweepHandler deployed;
    static ExpirySweepHandler local;

    @BeforeAll
    static void start() {
        // As in AWS: no settable clock, so the context's Clock is the system's.
        deployed = new ExpirySweepHandler(ApplicationContext.builder().properties(Map.of("dynamodb.endpoint",
                DynamoDbLocal.shared(Tables::createAll).endpoint().toString())).start());
        local = new ExpirySweepHandler(TestContexts.start(Map.of()));
    }

    @AfterAll
    static void stop() {
        deployed.close();
        local.close();
    }

    @BeforeEach
    @AfterEach
    void onlyThisTestsInstancesAreDue() {
        fixtures.clearDue(); // after too: a sweep of another class replays any instant over the shared tables
    }

    /** A term bought an hour ago that expires in 36 hours: its 1-day warning is due in 12 hours (E4). */
    static Instance warnedInTwelveHours(String account, Instant now) {
        return fixtures.monthly(account, fixtures.nodeWithHourlyPrice("2.00", 5), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(36)));
    }

    static List<Map<String, AttributeValue>> warnings(String account) {
        return fixtures.outbox(account).stream().filter(m -> "EXPIRY_WARNING".equals(m.get("type").s())).toList();
    }

    @Test
    void aDeployedSweepRefusesAnEventDatedMoreThanFiveMinutesAheadAndWritesNothing_T2() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String account = fixtures.verifiedAccount();
        Instance instance = warnedInTwelveHours(account, now);

        Map<String, Object> result = deployed.handleRequest(
                ScheduledEvents.at(now.plus(Duration.ofHours(13)), "{}"), null);

        assertEquals("REJECTED", result.get("status"), result.toString());
        assertTrue(String.valueOf(result.get("error")).contains("ahead of the system clock"), result.toString());
        assertEquals(List.of(), warnings(account), "nothing written");
        assertEquals(instance, fixtures.instance(instance.id()), "the instance untouched, still due");
    }

    @Test
    void aDeployedSweepRunsAnEventWithinFiveMinutesOfTheSystemClock_T2() {
        Map<String, Object> result = deployed.handleRequest(
                ScheduledEvents.at(Instant.now().plus(Duration.ofMinutes(4)), "{}"), null);

        assertEquals("OK", result.get("status"), result.toString());
    }

    @Test
    void theLocalServersSettableClockStillReplaysAnyInstant_T2() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String account = fixtures.verifiedAccount();
        warnedInTwelveHours(account, now);

        Map<String, Object> result = local.handleRequest(ScheduledEvents.at(now.plus(Duration.ofHours(13)), "{}"), null);

        assertEquals("OK", result.get("status"), result.toString());
        assertEquals(1, warnings(account).size(), "the 1-day warning of a replay dated tomorrow (E4)");
    }
}
