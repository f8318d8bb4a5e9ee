package com.edgecloud.bench.warmpath;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.edgecloud.account.AccountHandler;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.payment.CallbackSignature;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import com.edgecloud.expiry.ExpirySweepHandler;
import com.edgecloud.payment.PaymentCallbackHandler;
import com.edgecloud.purchase.PurchaseHandler;
import com.edgecloud.renewal.RenewalHandler;
import com.edgecloud.runtime.ClockFactory;
import com.edgecloud.runtime.ScheduledFunction;
import com.edgecloud.runtime.SettableClock;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.usage.UsageBillingHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The warm path of the money operations: each through its function's real entry point, on one
 * Micronaut context pointed at an in-process DynamoDB Local, with a {@link DynamoMeter} on the
 * functions' DynamoDB client. Per operation: DynamoDB calls by operation name, consumed capacity
 * units, and p50/p99 of the total time, of the DynamoDB time and of the handler's own time (total
 * minus DynamoDB). A main, never a test; command and figures in benchmarks/README.md ("Warm path").
 */
public final class WarmPathBenchmark {

    /** Business time of the HTTP operations (a purchase, a renewal, a recharge and its callback). */
    static final Instant NOW = Instant.parse("2026-01-15T02:00:00Z");

    record Sample(long totalNanos, long dynamoNanos, Map<String, Integer> calls, Map<String, Double> capacityByOperation,
                  double capacity) {
    }

    private WarmPathBenchmark() {
    }

    public static void main(String[] args) {
        int status = 2;
        try {
            run();
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            // DynamoDB Local leaves a non-daemon thread behind (benchmarks/README.md).
            System.exit(status);
        }
    }

    private static void run() throws Exception {
        int n = Integer.getInteger("bench.n", 500);
        int warmup = Integer.getInteger("bench.warmup", 200);
        // The functions' one INFO line per scheduled run would drown the table: warnings only.
        Configurator.setAllLevels("", Level.WARN);
        System.out.printf("== WarmPathBenchmark %s | java %s (%s) | availableProcessors=%d%n", ZonedDateTime.now(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());
        System.out.printf("   n=%d warmup=%d (per operation; warm-up invocations are not measured)%n", n, warmup);

        Fixtures fixtures = new Fixtures(); // starts the in-process DynamoDB Local, tables created
        DynamoMeter meter = new DynamoMeter();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("dynamodb.endpoint", DynamoDbLocal.shared(Tables::createAll).endpoint().toString());
        properties.put(ClockFactory.SETTABLE, true);
        properties.put("payments.callback-secret", "local-callback-secret"); // no built-in secret since issue 16
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).singletons(meter).start()) {
            SettableClock clock = context.getBean(SettableClock.class);
            clock.set(NOW);
            PurchaseHandler purchase = new PurchaseHandler(context);
            RenewalHandler renewal = new RenewalHandler(context);
            AccountHandler account = new AccountHandler(context);
            PaymentCallbackHandler callback = new PaymentCallbackHandler(context);
            UsageBillingHandler usage = new UsageBillingHandler(context);
            ExpirySweepHandler sweep = new ExpirySweepHandler(context);
            Run run = new Run(fixtures, meter, clock, warmup, n);
            Map<String, List<Sample>> results = new LinkedHashMap<>();
            results.put("purchase", purchases(run, purchase));
            results.put("renewal", renewals(run, renewal));
            results.put("usage bill", usageBills(run, usage));
            results.put("sweep item", sweepItems(run, sweep));
            results.put("payment callback", paymentCallbacks(run, account, callback));
            report(results);
        }
    }

    /** What every operation's measurement shares. */
    private record Run(Fixtures fixtures, DynamoMeter meter, SettableClock clock, int warmup, int n) {
        int total() {
            return warmup + n;
        }

        List<Sample> measure(IntFunction<Runnable> operation) {
            return WarmPathBenchmark.measure(meter, warmup, n, operation);
        }
    }

    /** purchase: one monthly server, balance, own Idempotency-Key each. */
    private static List<Sample> purchases(Run run, PurchaseHandler purchase) {
        String buyer = run.fixtures().verifiedAccount();
        run.fixtures().recharge(buyer, "100000000.00");
        String[] stocked = run.fixtures().nodeWithSpec(NodeStatus.OPEN, run.total() + 10);
        return run.measure(i -> {
            APIGatewayV2HTTPEvent event = http("purchase-monthly.json", buyer, UUID.randomUUID().toString(),
                    "{\"nodeId\":\"" + stocked[0] + "\",\"specId\":\"" + stocked[1] + "\",\"quantity\":1,"
                            + "\"billingMethod\":\"MONTHLY_PACKAGE\",\"duration\":{\"unit\":\"MONTH\",\"count\":1},"
                            + "\"paymentMethod\":\"BALANCE\"}");
            return () -> expect(purchase, event, 201);
        });
    }

    /** renewal: one month of a monthly instance, each instance renewed once. */
    private static List<Sample> renewals(Run run, RenewalHandler renewal) {
        Fixtures fixtures = run.fixtures();
        String renewer = fixtures.verifiedAccount();
        fixtures.recharge(renewer, "100000000.00");
        String[] renewed = fixtures.nodeWithHourlyPrice("2.00", 5);
        return run.measure(i -> {
            Instance instance = fixtures.monthly(renewer, renewed, Instant.parse("2026-01-01T07:00:00Z"),
                    Instant.parse("2026-04-01T15:59:59Z"));
            APIGatewayV2HTTPEvent event = http("renewal.json", renewer, UUID.randomUUID().toString(),
                    "{\"duration\":{\"unit\":\"MONTH\",\"count\":1},\"paymentMethod\":\"BALANCE\"}");
            String path = "/instances/" + instance.id() + "/renewals";
            event.setRawPath(path);
            event.getRequestContext().getHttp().setPath(path);
            event.setPathParameters(Map.of("id", instance.id()));
            return () -> expect(renewal, event, 200);
        });
    }

    /** usage bill: one pay-by-configuration instance, one hourly run per hour later (one bill each). */
    private static List<Sample> usageBills(Run run, UsageBillingHandler usage) {
        Fixtures fixtures = run.fixtures();
        String user = fixtures.verifiedAccount();
        fixtures.recharge(user, "100000000.00");
        Instant launch = Instant.parse("2026-03-01T00:00:00Z");
        fixtures.payByConfiguration(user, fixtures.nodeWithHourlyPrice("2.00", 5), launch);
        return run.measure(i -> {
            Instant at = launch.plus(Duration.ofHours(i + 1L));
            run.clock().set(at);
            return () -> scheduled(usage, at, "bills");
        });
    }

    /** sweep item: one instance's first warning (30 days before expiry) due per run, one minute apart. */
    private static List<Sample> sweepItems(Run run, ExpirySweepHandler sweep) {
        Fixtures fixtures = run.fixtures();
        fixtures.clearDue();
        String swept = fixtures.verifiedAccount();
        String[] sweptSpec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant firstExpiry = Instant.parse("2026-07-01T15:59:59Z");
        for (int i = 0; i < run.total(); i++) {
            Instant expires = firstExpiry.plus(Duration.ofMinutes(i));
            fixtures.monthly(swept, sweptSpec, expires.minus(Duration.ofDays(90)), expires);
        }
        return run.measure(i -> {
            Instant at = firstExpiry.plus(Duration.ofMinutes(i)).minus(Duration.ofDays(30));
            run.clock().set(at);
            return () -> scheduled(sweep, at, "changed");
        });
    }

    /** payment callback: SUCCEEDED for a pending 100.00 recharge, signed with the local secret. */
    private static List<Sample> paymentCallbacks(Run run, AccountHandler account, PaymentCallbackHandler callback) {
        run.clock().set(NOW);
        String payer = run.fixtures().verifiedAccount();
        CallbackSignature signature = new CallbackSignature("local-callback-secret");
        Pattern paymentId = Pattern.compile("\"paymentId\"\\s*:\\s*\"([^\"]+)\"");
        return run.measure(i -> {
            APIGatewayV2HTTPResponse recharged = expect(account, http("account-recharge.json", payer,
                    UUID.randomUUID().toString(), "{\"amount\":\"100.00\"}"), 201);
            Matcher m = paymentId.matcher(recharged.getBody());
            if (!m.find()) {
                throw new IllegalStateException("no paymentId in " + recharged.getBody());
            }
            String body = "{\"paymentId\":\"" + m.group(1) + "\",\"status\":\"SUCCEEDED\",\"amount\":\"100.00\"}";
            APIGatewayV2HTTPEvent event = http("payment-callback.json", null, null, body);
            event.getHeaders().put("x-payment-signature", signature.sign(body.getBytes(StandardCharsets.UTF_8)));
            return () -> expect(callback, event, 200);
        });
    }

    /**
     * Runs warmup + n invocations: {@code operation.apply(i)} prepares invocation i untimed (its
     * set-up calls are not counted) and returns it; returns the n measured ones.
     */
    static List<Sample> measure(DynamoMeter meter, int warmup, int n, IntFunction<Runnable> operation) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < warmup + n; i++) {
            Runnable invocation = operation.apply(i);
            meter.reset();
            long start = System.nanoTime();
            invocation.run();
            long elapsed = System.nanoTime() - start;
            if (i >= warmup) {
                samples.add(new Sample(elapsed, meter.nanos(), meter.calls(), meter.capacityByOperation(), meter.capacity()));
            }
        }
        return samples;
    }

    static APIGatewayV2HTTPResponse expect(APIGatewayV2HTTPEventFunction handler, APIGatewayV2HTTPEvent event, int status) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new MockLambdaContext());
        if (response.getStatusCode() != status) {
            throw new IllegalStateException(event.getRawPath() + ": " + response.getStatusCode() + " " + response.getBody());
        }
        return response;
    }

    /** A scheduled run at {@code at} that must have handled exactly one item ({@code key} = 1). */
    static void scheduled(ScheduledFunction handler, Instant at, String key) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("time", at.toString());
        event.put("detail", Map.of());
        Map<String, Object> result = handler.handleRequest(event, null);
        if (!"OK".equals(result.get("status")) || !Integer.valueOf(1).equals(result.get(key))) {
            throw new IllegalStateException(handler.getClass().getSimpleName() + " at " + at + ": " + result);
        }
    }

    /** The sample event from {@code events/}, with its caller, Idempotency-Key and body replaced. */
    static APIGatewayV2HTTPEvent http(String file, String sub, String idempotencyKey, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(eventsFolder().resolve(file).toString());
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (idempotencyKey != null) {
            headers.put("idempotency-key", idempotencyKey);
        }
        event.setHeaders(headers);
        if (sub != null) {
            Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
            claims.put("sub", sub);
            event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        }
        event.setBody(body);
        return event;
    }

    static Path eventsFolder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("events");
    }

    static void report(Map<String, List<Sample>> results) {
        System.out.println();
        System.out.println("| operation | DynamoDB calls per operation | capacity units per operation | total p50 / p99 (ms) | DynamoDB p50 / p99 (ms) | handler's own p50 / p99 (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        results.forEach((name, samples) -> {
            Map<String, Integer> calls = new TreeMap<>();
            Map<String, Double> units = new TreeMap<>();
            double capacity = 0;
            for (Sample s : samples) {
                s.calls().forEach((op, count) -> calls.merge(op, count, Integer::sum));
                s.capacityByOperation().forEach((op, u) -> units.merge(op, u, Double::sum));
                capacity += s.capacity();
            }
            int count = samples.size();
            StringBuilder byOperation = new StringBuilder();
            int all = 0;
            for (Map.Entry<String, Integer> e : calls.entrySet()) {
                all += e.getValue();
                byOperation.append(byOperation.length() == 0 ? "" : ", ")
                        .append(e.getKey()).append(' ').append(perOp(e.getValue(), count));
            }
            StringBuilder unitsByOperation = new StringBuilder();
            units.forEach((op, u) -> unitsByOperation.append(unitsByOperation.length() == 0 ? "" : ", ")
                    .append(op).append(String.format(Locale.ROOT, " %.2f", u / count)));
            System.out.printf(Locale.ROOT, "| %s | %s: %s | %.2f: %s | %s | %s | %s |%n", name, perOp(all, count), byOperation,
                    capacity / count, unitsByOperation,
                    percentiles(samples.stream().mapToLong(Sample::totalNanos).toArray()),
                    percentiles(samples.stream().mapToLong(Sample::dynamoNanos).toArray()),
                    percentiles(samples.stream().mapToLong(s -> s.totalNanos() - s.dynamoNanos()).toArray()));
        });
    }

    private static String perOp(int calls, int operations) {
        return calls % operations == 0 ? Integer.toString(calls / operations)
                : String.format(Locale.ROOT, "%.2f", (double) calls / operations);
    }

    /** Nearest-rank p50 and p99, in milliseconds. */
    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f / %.2f", rank(sorted, 50) / 1e6, rank(sorted, 99) / 1e6);
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
