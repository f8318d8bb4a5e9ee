package com.edgecloud.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The child JVM of one cold-start run, doing what the Lambda runtime does on a cold start:
 * load the handler class and construct it (init), then read the event, handle it and write the
 * answer (first invocation). Prints one line {@code COLDSTART {...}} that
 * {@link ColdStartBenchmark} reads.
 * <p>Args: handler class ({@code untuned:} first: see {@link UntunedFramework}), event file, event class. JMX is only touched after the answer, so
 * its own classes (a constant few hundred, see the "baseline" row) count in "classes loaded"
 * (and a little in the CPU time, the same in every variant) but not in any other time.
 */
public final class ColdStartProbe {

    public static final String MARKER = "COLDSTART ";
    /** The line after the measures: the first answer (an HTTP answer's body, else the whole answer as JSON). */
    public static final String ANSWER_MARKER = "COLDSTART-ANSWER ";
    /** Prefix of the handler argument: construct it on micronaut-function-aws's default context. */
    public static final String UNTUNED = "untuned:";

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        Path eventFile = Path.of(args[1]);
        String eventClass = args[2];
        ClassLoader loader = ColdStartProbe.class.getClassLoader();

        long constructionStart = System.nanoTime();
        Object handler = construct(handlerClass, loader);
        long constructed = System.nanoTime();
        Answer answer = handler == null ? new Answer(0, 0, "") : invoke(handler, eventFile, eventClass, loader);
        long answered = System.nanoTime();
        long answeredAtMillis = System.currentTimeMillis();

        printMeasures(answeredAtMillis, constructed - constructionStart, answered - constructed, answer);
        // The handler's context, SDK and logging threads must not decide when this JVM ends.
        Runtime.getRuntime().halt(0);
    }

    /**
     * The first answer's status: HTTP's, else 200 for a success (a scheduled summary's {@code OK}, a
     * stream batch without failures, or no answer) and 500 otherwise; its size as JSON; its text.
     */
    private record Answer(int status, int bytes, String text) {
    }

    /** The handler, as the Lambda runtime builds it; none for the baseline. */
    private static Object construct(String handlerClass, ClassLoader loader) throws ReflectiveOperationException {
        if ("baseline".equals(handlerClass)) {
            return null;
        }
        if (handlerClass.startsWith(UNTUNED)) {
            Method construct = Class.forName(ColdStartProbe.class.getPackageName() + ".UntunedFramework", true, loader)
                    .getDeclaredMethod("construct", String.class);
            construct.setAccessible(true);
            return construct.invoke(null, handlerClass.substring(UNTUNED.length()));
        }
        return Class.forName(handlerClass, true, loader).getConstructor().newInstance();
    }

    /** The first request: the event read as the runtime reads it, the answer written as it writes it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Answer invoke(Object handler, Path eventFile, String eventClass, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        Class<?> eventType = Class.forName(eventClass, true, loader);
        Object event;
        try (InputStream in = Files.newInputStream(eventFile)) {
            event = serializer(eventType, loader).fromJson(in);
        }
        freshIdempotencyKey(event);
        Object response = ((RequestHandler) handler).handleRequest(event, new ProbeContext());
        if (response == null) { // a scheduled or stream handler may answer nothing
            return new Answer(200, 0, "");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((PojoSerializer) serializer(response.getClass(), loader)).toJson(response, out);
        String text = response instanceof APIGatewayV2HTTPResponse http ? String.valueOf(http.getBody())
                : out.toString(StandardCharsets.UTF_8);
        return new Answer(statusOf(response), out.size(), text);
    }

    private static void printMeasures(long answeredAtMillis, long constructionNanos, long firstRequestNanos,
                                      Answer answer) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        // CPU time of all this JVM's threads (JIT compiler and GC included) from its start to here: far less
        // sensitive than the times above to other processes sharing the cores (docs/decisions.md, "Measured decisions").
        long cpuNanos = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.println(MARKER + "{\"jvmToResponseMs\":" + (answeredAtMillis - jvmStart)
                + ",\"constructionMs\":" + millis(constructionNanos)
                + ",\"firstRequestMs\":" + millis(firstRequestNanos)
                + ",\"classes\":" + classes
                + ",\"cpuMs\":" + millis(cpuNanos)
                + ",\"status\":" + answer.status()
                + ",\"answerBytes\":" + answer.bytes() + "}");
        System.out.println(ANSWER_MARKER + answer.text().replaceAll("\\s*\\R\\s*", " "));
        System.out.flush();
    }

    /** As the Lambda runtime: its own serializers for AWS event types, plain Jackson otherwise. */
    static <T> PojoSerializer<T> serializer(Class<T> type, ClassLoader loader) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, loader)
                : JacksonFactory.getInstance().getSerializer(type);
    }

    /** A mutating sample carries an Idempotency-Key: each run gets its own, or it would replay the first. */
    private static void freshIdempotencyKey(Object event) {
        if (event instanceof APIGatewayV2HTTPEvent http && http.getHeaders() != null
                && http.getHeaders().containsKey("idempotency-key")) {
            Map<String, String> headers = new HashMap<>(http.getHeaders());
            headers.put("idempotency-key", UUID.randomUUID().toString());
            http.setHeaders(headers);
        }
    }

    private static int statusOf(Object response) {
        if (response instanceof Map<?, ?> summary) { // a scheduled function's summary: OK, or REJECTED with nothing done
            return "OK".equals(summary.get("status")) ? 200 : 500;
        }
        if (response instanceof StreamsEventResponse batch) { // a stream handler: the records it failed
            return batch.getBatchItemFailures() == null || batch.getBatchItemFailures().isEmpty() ? 200 : 500;
        }
        try {
            Method m = response.getClass().getMethod("getStatusCode");
            Object value = m.invoke(response);
            return value instanceof Integer i ? i : 200;
        } catch (ReflectiveOperationException e) {
            return 200; // another answer: it answered
        }
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }

    /** The Lambda context, without Micronaut's MockLambdaContext (the bare run must not load Micronaut). */
    static final class ProbeContext implements Context {
        private final String requestId = UUID.randomUUID().toString();

        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/cold-start-probe"; }
        @Override public String getLogStreamName() { return "probe"; }
        @Override public String getFunctionName() { return "cold-start-probe"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:cold-start-probe"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        /** The function's timeout (template.yaml; 30 s unless {@code coldstart.timeoutMillis} says otherwise). */
        @Override public int getRemainingTimeInMillis() { return Integer.getInteger("coldstart.timeoutMillis", 30_000); }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.err.print(message); }
                @Override public void log(byte[] message) { System.err.print(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
