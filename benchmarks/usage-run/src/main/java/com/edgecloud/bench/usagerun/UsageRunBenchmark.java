package com.edgecloud.bench.usagerun;

import com.edgecloud.bench.warmpath.DynamoMeter;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import com.edgecloud.billing.metering.UsageMeter;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import com.edgecloud.runtime.ClockFactory;
import com.edgecloud.runtime.SettableClock;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.usage.UsageBillingHandler;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * One hourly usage run of a fleet (issue 19 §3): N pay-by-configuration instances over N/4 accounts,
 * all due at one hour, billed by {@link UsageBillingHandler} (the real entry point: due-index query,
 * {@code UsageBilling}, the one wallet-movement path) on DynamoDB Local; then, side by side, the
 * {@link BareBillingLoop} (one consistent GetItem of the account, the same transaction) on the same
 * fleet one hour later. At each W (accounts billed in parallel) and each added latency: bills/s, the
 * DynamoDB calls and capacity per bill and per account by operation, transactions, wall time, and
 * product/limit. A main, never a test; command and figures in benchmarks/README.md.
 */
public final class UsageRunBenchmark {

    /** An hour boundary in every zone the project uses (UTC and Asia/Shanghai). */
    static final Instant LAUNCH = Instant.parse("2026-03-01T00:00:00Z");

    private UsageRunBenchmark() {
    }

    /** One measured run. */
    record Measured(String what, int workers, long latencyMillis, int bills, int accounts, long nanos,
                    Map<String, Integer> calls, Map<String, Double> capacity) {

        double billsPerSecond() {
            return bills / (nanos / 1e9);
        }

        int allCalls() {
            return calls.values().stream().mapToInt(Integer::intValue).sum();
        }

        double allCapacity() {
            return capacity.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    public static void main(String[] args) {
        int status = 2;
        try {
            run();
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            // DynamoDB Local leaves a non-daemon thread behind (benchmarks/README.md, PurchaseBenchmark).
            System.exit(status);
        }
    }

    private static void run() throws Exception {
        int instances = Integer.getInteger("bench.instances", 20_000);
        int accounts = Integer.getInteger("bench.accounts", instances / 4);
        int[] workers = Arrays.stream(System.getProperty("bench.workers", "1,4,16").split(","))
                .mapToInt(w -> Integer.parseInt(w.trim())).toArray();
        long[] latencies = Arrays.stream(System.getProperty("bench.latencies", "0,5").split(","))
                .mapToLong(l -> Long.parseLong(l.trim())).toArray();
        boolean warmup = Boolean.parseBoolean(System.getProperty("bench.warmup", "true"));
        Configurator.setAllLevels("", Level.WARN);
        System.out.printf("== UsageRunBenchmark %s | java %s (%s) | availableProcessors=%d%n", ZonedDateTime.now(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("   instances=%d accounts=%d workers=%s latencies(ms)=%s warm-up=%s%n", instances, accounts,
                Arrays.toString(workers), Arrays.toString(latencies), warmup);

        Fixtures fixtures = new Fixtures(); // the in-process DynamoDB Local, tables created
        long loadStart = System.nanoTime();
        Fleet fleet = Fleet.load(fixtures, instances, accounts, LAUNCH);
        System.out.printf("   loaded in %.1f s (not measured)%n", (System.nanoTime() - loadStart) / 1e9);

        DynamoMeter meter = new DynamoMeter();
        AddedLatency latency = new AddedLatency();
        Instant hour = LAUNCH.plus(Duration.ofHours(1));
        List<Measured> results = new ArrayList<>();
        if (warmup) {
            hour = pair(fleet, meter, latency, 4, 0, hour, new ArrayList<>());
            System.out.println("   warm-up pair done (not reported)");
        }
        for (int w : workers) {
            for (long l : latencies) {
                hour = pair(fleet, meter, latency, w, l, hour, results);
            }
        }
        report(results, fleet);
    }

    /** The product at {@code hour}, then the limit at the next hour; returns the hour after. */
    private static Instant pair(Fleet fleet, DynamoMeter meter, AddedLatency latency, int workers, long millis,
                                Instant hour, List<Measured> results) throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("dynamodb.endpoint", DynamoDbLocal.shared(Tables::createAll).endpoint().toString());
        properties.put(ClockFactory.SETTABLE, true);
        properties.put("billing.usage-workers", workers);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .singletons(meter, latency).start()) {
            SettableClock clock = context.getBean(SettableClock.class);
            UsageBillingHandler handler = new UsageBillingHandler(context);

            clock.set(hour);
            latency.set(millis);
            meter.reset();
            long start = System.nanoTime();
            Map<String, Object> result = handler.handleRequest(scheduledEvent(hour), null);
            long elapsed = System.nanoTime() - start;
            latency.set(0);
            int bills = ((Number) result.getOrDefault("bills", 0)).intValue();
            if (!"OK".equals(result.get("status")) || bills != fleet.instances()
                    || !Integer.valueOf(bills).equals(result.get("paid"))) {
                throw new IllegalStateException("usage run at " + hour + ": " + result);
            }
            results.add(new Measured("product", workers, millis, bills, fleet.accountIds().size(), elapsed,
                    meter.calls(), meter.capacityByOperation()));
            System.out.printf(Locale.ROOT, "   product W=%d +%dms: %d bills in %.1f s%n", workers, millis, bills,
                    elapsed / 1e9);

            Instant next = hour.plus(Duration.ofHours(1));
            clock.set(next);
            BareBillingLoop limit = new BareBillingLoop(context.getBean(AccountRepository.class),
                    context.getBean(LifecycleStore.class), context.getBean(UsageMeter.class),
                    Fixtures.ZONE);
            BareBillingLoop.Work work = BareBillingLoop.prepare(context.getBean(LifecycleStore.class),
                    context.getBean(CatalogRepository.class), next);
            latency.set(millis);
            meter.reset();
            start = System.nanoTime();
            int limitBills = limit.run(work, next, workers);
            elapsed = System.nanoTime() - start;
            latency.set(0);
            if (limitBills != fleet.instances()) {
                throw new IllegalStateException("limit at " + next + ": " + limitBills + " bills");
            }
            results.add(new Measured("limit", workers, millis, limitBills, work.byAccount().size(), elapsed,
                    meter.calls(), meter.capacityByOperation()));
            System.out.printf(Locale.ROOT, "   limit   W=%d +%dms: %d bills in %.1f s%n", workers, millis, limitBills,
                    elapsed / 1e9);
            return next.plus(Duration.ofHours(1));
        }
    }

    static Map<String, Object> scheduledEvent(Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("time", at.toString());
        event.put("detail", Map.of());
        return event;
    }

    static void report(List<Measured> results, Fleet fleet) {
        System.out.println();
        System.out.println("| W | added latency | product bills/s | limit bills/s | product/limit | product wall (s) | limit wall (s) | product transactions | product calls per account | limit calls per account | product capacity per bill | limit capacity per bill |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Measured p = results.get(i);
            Measured l = results.get(i + 1);
            System.out.printf(Locale.ROOT, "| %d | %d ms | %.0f | %.0f | %.2f | %.1f | %.1f | %d | %s | %s | %s | %s |%n",
                    p.workers(), p.latencyMillis(), p.billsPerSecond(), l.billsPerSecond(),
                    p.billsPerSecond() / l.billsPerSecond(), p.nanos() / 1e9, l.nanos() / 1e9,
                    p.calls().getOrDefault("TransactWriteItems", 0),
                    perUnit(p.calls(), p.allCalls(), p.accounts()), perUnit(l.calls(), l.allCalls(), l.accounts()),
                    capacity(p.capacity(), p.allCapacity(), p.bills()), capacity(l.capacity(), l.allCapacity(), l.bills()));
        }
        Measured first = results.get(0);
        System.out.println();
        System.out.printf(Locale.ROOT, "Per bill (product, W=%d, +%d ms): %s calls, %s%n", first.workers(),
                first.latencyMillis(), perUnit(first.calls(), first.allCalls(), first.bills()),
                capacity(first.capacity(), first.allCapacity(), first.bills()));
        System.out.printf(Locale.ROOT, "Fleet: %d instances over %d accounts (%.2f per account)%n", fleet.instances(),
                fleet.accountIds().size(), (double) fleet.instances() / fleet.accountIds().size());
    }

    private static String perUnit(Map<String, Integer> calls, int all, int units) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.2f:", (double) all / units));
        calls.forEach((op, n) -> s.append(String.format(Locale.ROOT, " %s %.2f", op, (double) n / units)));
        return s.toString();
    }

    private static String capacity(Map<String, Double> byOperation, double all, int bills) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.2f:", all / bills));
        byOperation.forEach((op, u) -> s.append(String.format(Locale.ROOT, " %s %.2f", op, u / bills)));
        return s.toString();
    }
}
