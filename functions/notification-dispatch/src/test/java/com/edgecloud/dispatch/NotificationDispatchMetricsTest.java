package com.edgecloud.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.notify.Channel;
import com.edgecloud.notify.RecordingChannels;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.runtime.InvocationContext;
import com.edgecloud.testing.TestContexts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;

/** Each dispatch writes the deliveries it sent and the attempts that failed: what DeliveriesFailedAlarm reads. */
class NotificationDispatchMetricsTest {

    static final Fixtures fixtures = new Fixtures();
    static ApplicationContext context;
    static NotificationDispatchHandler handler;

    @BeforeAll
    static void start() {
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda); // as inside Lambda
        context = TestContexts.start(Map.of());
        handler = new NotificationDispatchHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aFailedEmailIsCountedBesideTheDeliveriesSent_N2() throws Exception {
        OutboxMessage m = DispatchFixture.orderPaid(fixtures.verifiedAccount());
        context.getBean(RecordingChannels.class).failNext(Channel.EMAIL, 1);

        String out = stdoutOf(() -> handler.handleRequest(DispatchFixture.event(m),
                new InvocationContext("billing-NotificationDispatchFunction-X1", "req-2", 800_000)));

        List<String> emf = out.lines().filter(l -> l.contains("\"_aws\"")).toList();
        assertEquals(1, emf.size(), out);
        JsonNode doc = new ObjectMapper().readTree(emf.get(0));
        JsonNode directive = doc.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals("EdgeServerBilling", directive.get("Namespace").asText());
        assertEquals("[[\"FunctionName\"]]", directive.get("Dimensions").toString());
        assertEquals("billing-NotificationDispatchFunction-X1", doc.get("FunctionName").asText());
        assertEquals(1, doc.get("DeliveriesFailed").asInt(), out);
        assertEquals(2, doc.get("DeliveriesSent").asInt(), out); // SMS and in-site
    }

    private static String stdoutOf(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
