package com.edgecloud.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.notify.RecordingChannels;
import com.edgecloud.runtime.InvocationContext;
import com.edgecloud.testing.Fixtures;

import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;

/**
 * Issue 16: a delivery is only attempted with time for a stalled send left in the invocation;
 * the others stay stored and due, and the retry sweep sends them (N2), each exactly once.
 */
class DispatchTimeLeftTest {

    static final Fixtures fixtures = new Fixtures();

    /**
     * With a Lambda context the handler publishes EMF; the EMF library keeps its environment for
     * the JVM, so this test sets it as NotificationDispatchMetricsTest does, whichever runs first.
     */
    @BeforeAll
    static void asInsideLambda() {
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
    }

    @Test
    void withoutTimeForOneMoreSendTheRecordsDeliveriesWaitForTheRetrySweep_N2() {
        try (ApplicationContext context = TestContexts.start(Map.of())) {
            RecordingChannels sink = context.getBean(RecordingChannels.class);
            OutboxMessage m = DispatchFixture.orderPaid(fixtures.verifiedAccount());
            InvocationContext almostOut = new InvocationContext("NotificationDispatchFunction", "r-1",
                    (int) TimeLeft.ONE_DELIVERY.toMillis() - 1);

            StreamsEventResponse response = new NotificationDispatchHandler(context)
                    .handleRequest(DispatchFixture.event(m), almostOut);

            assertTrue(response.getBatchItemFailures().isEmpty(), "the record is done: its deliveries are stored");
            assertEquals(0, sentFor(sink, m), "nothing sent without the time for it");

            // the next scheduled run (an event without records) with time to spare sends them, once
            InvocationContext plenty = new InvocationContext("NotificationDispatchFunction", "r-2", 120_000);
            new NotificationDispatchHandler(context).handleRequest(new DynamodbEvent(), plenty);
            long sent = sentFor(sink, m);
            new NotificationDispatchHandler(context).handleRequest(new DynamodbEvent(), plenty);

            assertEquals(2, sent, "ORDER_PAID by email and SMS");
            assertEquals(sent, sentFor(sink, m), "sent once");
        }
    }

    static long sentFor(RecordingChannels sink, OutboxMessage m) {
        return sink.sent().stream().filter(s -> s.notificationId().equals(m.id())).count();
    }
}
