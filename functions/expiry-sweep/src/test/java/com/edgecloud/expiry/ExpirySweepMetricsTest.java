package com.edgecloud.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.edgecloud.testing.ScheduledEvents;
import com.edgecloud.runtime.InvocationContext;
import com.edgecloud.testing.TestContexts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;

/** A deployed sweep writes one EMF document a run: what the SweepStoppedEarly alarm of template.yaml reads. */
class ExpirySweepMetricsTest {

    static ExpirySweepHandler handler;

    @BeforeAll
    static void start() {
        // Inside Lambda the EMF library finds itself there (AWS_LAMBDA_FUNCTION_NAME) and writes to stdout.
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
        handler = new ExpirySweepHandler(TestContexts.start(Map.of()));
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    @Test
    void aRunPublishesItsCountsUnderTheFunctionsName() throws Exception {
        Map<String, Object> event = ScheduledEvents.at(Instant.parse("2030-01-01T00:00:00Z"), "{}");
        String out = stdoutOf(() -> assertEquals("OK",
                handler.handleRequest(event, new InvocationContext("billing-ExpirySweepFunction-X1", "req-1", 250_000))
                        .get("status")));

        List<JsonNode> emf = out.lines().filter(l -> l.contains("\"_aws\"")).map(ExpirySweepMetricsTest::json).toList();
        assertEquals(1, emf.size(), out);
        JsonNode doc = emf.get(0);
        JsonNode directive = doc.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals("EdgeServerBilling", directive.get("Namespace").asText());
        assertEquals("[[\"FunctionName\"]]", directive.get("Dimensions").toString());
        assertEquals("billing-ExpirySweepFunction-X1", doc.get("FunctionName").asText());
        assertEquals(0, doc.get("SweepStoppedEarly").asInt());
        assertEquals(0, doc.get("ItemsRead").asInt());
        assertEquals(0, doc.get("ItemsChanged").asInt());
        assertEquals(0, doc.get("Releases").asInt());
        assertEquals(250_000, doc.get("TimeLeftMillis").asInt());
    }

    @Test
    void withoutALambdaContextNothingIsPublished() throws Exception {
        Map<String, Object> event = Map.of("time", "2030-01-01T00:00:00Z", "detail", "{}");
        String out = stdoutOf(() -> handler.handleRequest(event, null));
        assertFalse(out.contains("\"_aws\""), out);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line.substring(line.indexOf('{')));
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
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
