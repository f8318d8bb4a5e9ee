package com.edgecloud.local.bench;

import com.edgecloud.local.LocalServer;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Purchase speed of the local server, in-process, over loopback HTTP (see {@code benchmarks/README.md}).
 * A {@code main}, not a test: the test suite never runs it, and it never asserts a timing. It checks
 * correctness after each phase (instances, stock, balance) and prints OK/FAILED lines.
 *
 * <pre>
 * mvn -B -o -q install -DskipTests
 * mvn -B -o -q -pl local-server exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.edgecloud.local.bench.PurchaseBenchmark
 * </pre>
 *
 * Parameters (system properties): {@code bench.warmup} (200), {@code bench.sequential} (1000),
 * {@code bench.threads} (8), {@code bench.perThread} (250, for both the concurrent and the contention
 * phase), {@code bench.replays} (1000), {@code bench.price} (monthly price, "1000.00").
 */
public final class PurchaseBenchmark {

    private static final String MONTH = "{\"unit\":\"MONTH\",\"count\":1}";

    private final int warmup = Integer.getInteger("bench.warmup", 200);
    private final int sequential = Integer.getInteger("bench.sequential", 1000);
    private final int threads = Integer.getInteger("bench.threads", 8);
    private final int perThread = Integer.getInteger("bench.perThread", 250);
    private final int replays = Integer.getInteger("bench.replays", 1000);
    private final BigDecimal price = new BigDecimal(System.getProperty("bench.price", "1000.00")).setScale(2);

    private LocalServer server;
    private HttpClient http;
    private ObjectMapper json;
    private String admin;
    private int failures;

    public static void main(String[] args) {
        // Exits explicitly, also on an error: after LocalServer.close(), DynamoDB Local 2.6.1 leaves a non-daemon
        // thread (ShardRolloverJobScheduler) sleeping for minutes, and exec:java waits for every non-daemon thread.
        int status;
        try {
            status = new PurchaseBenchmark().run() == 0 ? 0 : 1;
        } catch (Throwable e) {
            e.printStackTrace();
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    private int run() throws Exception {
        System.out.printf(Locale.ROOT, "%n== PurchaseBenchmark %s | java %s (%s) | availableProcessors=%d | maxHeap=%d MB%n",
                ZonedDateTime.now().withNano(0), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf(Locale.ROOT, "   warmup=%d sequential=%d threads=%d perThread=%d replays=%d price=%s%n",
                warmup, sequential, threads, perThread, replays, price);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        try {
            startup();
            json = server.context().getBean(ObjectMapper.class);
            admin = token("bench-ops", "\"admin\"");
            sequentialPhase();
            concurrentPhase();
            contentionPhase();
            replayPhase();
        } finally {
            if (server != null) {
                server.close();
            }
        }
        System.out.println(failures == 0 ? "RESULT: OK (every check passed)" : "RESULT: FAILED (" + failures + " checks failed)");
        System.out.flush();
        return failures;
    }

    /** (a) From calling LocalServer.start to /_local/health answering 200; JVM and Maven startup not included. */
    private void startup() throws Exception {
        long t0 = System.nanoTime();
        server = LocalServer.start(Map.of("micronaut.server.port", -1));
        long returned = System.nanoTime();
        URI health = URI.create(server.baseUri() + "/_local/health");
        int status = 0;
        while (status != 200) {
            try {
                status = http.send(HttpRequest.newBuilder(health).GET().build(), BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                Thread.sleep(5);
            }
            if (System.nanoTime() - t0 > Duration.ofMinutes(2).toNanos()) {
                throw new IllegalStateException("/_local/health did not answer 200 within 2 minutes");
            }
        }
        long healthy = System.nanoTime();
        System.out.printf(Locale.ROOT, "%n(a) start: LocalServer.start returned after %.0f ms; /_local/health 200 after %.0f ms"
                + " (in-process, first start in this JVM; JVM/Maven startup not included)%n",
                ms(returned - t0), ms(healthy - t0));
    }

    /** (b) One account, one server per purchase, one request at a time. */
    private void sequentialPhase() throws Exception {
        String warmAccount = customer("bench-warm", warmup);
        catalog("bench-node-warm", "bench-spec", warmup);
        long warmStart = System.nanoTime();
        Run warm = new Run();
        for (int i = 0; i < warmup; i++) {
            warm.record(() -> buy(warmAccount, "bench-node-warm", UUID.randomUUID().toString()));
        }
        System.out.printf(Locale.ROOT, "%n(b) warm-up: %d purchases in %.0f ms (not measured below)%n",
                warmup, ms(System.nanoTime() - warmStart));
        verify("warm-up", warm, warmup, Map.of("bench-warm", warmAccount), "bench-node-warm", warmup, warmup);

        String account = customer("bench-seq", sequential);
        catalog("bench-node-seq", "bench-spec", sequential);
        Run run = new Run();
        long start = System.nanoTime();
        for (int i = 0; i < sequential; i++) {
            run.record(() -> buy(account, "bench-node-seq", UUID.randomUUID().toString()));
        }
        long wall = System.nanoTime() - start;
        report("(b) sequential", sequential + " purchases, 1 account, 1 thread", run, wall);
        verify("(b) sequential", run, sequential, Map.of("bench-seq", account), "bench-node-seq", sequential, sequential);
    }

    /** (c) `threads` buyers, each with its own account (own wallet), on one spec. */
    private void concurrentPhase() throws Exception {
        int total = threads * perThread;
        Map<String, String> accounts = new TreeMap<>();
        for (int t = 0; t < threads; t++) {
            accounts.put("bench-conc-" + t, customer("bench-conc-" + t, perThread));
        }
        catalog("bench-node-conc", "bench-spec", total);
        List<String> tokens = new ArrayList<>(accounts.values());
        Timed timed = inParallel(t -> buy(tokens.get(t), "bench-node-conc", UUID.randomUUID().toString()));
        report("(c) concurrent", threads + " threads x " + perThread + " purchases, " + threads
                + " accounts (own wallets), 1 spec", timed.run, timed.wall);
        verify("(c) concurrent", timed.run, total, accounts, "bench-node-conc", total, perThread);
    }

    /** (d) `threads` buyers on ONE account: every purchase moves the same wallet (optimistic lock, retried). */
    private void contentionPhase() throws Exception {
        int total = threads * perThread;
        String account = customer("bench-hot", total);
        catalog("bench-node-hot", "bench-spec", total);
        Timed timed = inParallel(t -> buy(account, "bench-node-hot", UUID.randomUUID().toString()));
        report("(d) contention", threads + " threads x " + perThread + " purchases, ONE account (one wallet)",
                timed.run, timed.wall);
        verify("(d) contention", timed.run, total, Map.of("bench-hot", account), "bench-node-hot", total, total);
    }

    /** (e) The same request under the same Idempotency-Key, again and again: the stored answer, nothing charged. */
    private void replayPhase() throws Exception {
        String account = customer("bench-replay", 1);
        catalog("bench-node-replay", "bench-spec", 1);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = buy(account, "bench-node-replay", key);
        Run run = new Run();
        int identical = 0;
        long start = System.nanoTime();
        for (int i = 0; i < replays; i++) {
            HttpResponse<String> again = run.record(() -> buy(account, "bench-node-replay", key));
            if (again != null && again.statusCode() == 201 && again.body().equals(first.body())) {
                identical++;
            }
        }
        long wall = System.nanoTime() - start;
        report("(e) replay", replays + " replays of one Idempotency-Key, 1 thread", run, wall);
        check("(e) replay: the first purchase answered 201", first.statusCode() == 201, "status " + first.statusCode());
        check("(e) replay: every replay 201 with the first answer's body", identical == replays,
                identical + " of " + replays + " identical");
        verify("(e) replay", null, 1, Map.of("bench-replay", account), "bench-node-replay", 1, 1);
    }

    // ---- measuring ----

    private interface Purchase {
        HttpResponse<String> buy(int thread) throws Exception;
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private record Timed(Run run, long wall) {
    }

    /** `threads` workers released together by a gate; wall time from the gate to the last answer. */
    private Timed inParallel(Purchase purchase) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Run>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    Run run = new Run();
                    ready.countDown();
                    gate.await();
                    for (int i = 0; i < perThread; i++) {
                        run.record(() -> purchase.buy(thread));
                    }
                    return run;
                }));
            }
            ready.await();
            long start = System.nanoTime();
            gate.countDown();
            Run all = new Run();
            for (Future<Run> run : runs) {
                all.add(run.get());
            }
            return new Timed(all, System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Per-request latencies (ns) and answers by status. Each thread has its own, merged at the end. */
    private static final class Run {
        private long[] latencies = new long[256];
        private int size;
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final List<String> oddAnswers = new ArrayList<>();

        /** Sends one request, timing it from before the send to the body fully read; a failed send counts as -1. */
        HttpResponse<String> record(Request request) throws Exception {
            long sent = System.nanoTime();
            HttpResponse<String> response = null;
            int status;
            String odd = null;
            try {
                response = request.send();
                status = response.statusCode();
                odd = status == 201 ? null : status + " " + response.body();
            } catch (IOException failed) {
                status = -1;
                odd = "-1 " + failed;
            }
            long latency = System.nanoTime() - sent;
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = latency;
            statuses.merge(status, 1, Integer::sum);
            if (odd != null && oddAnswers.size() < 3) {
                oddAnswers.add(odd);
            }
            return response;
        }

        void add(Run other) {
            for (int i = 0; i < other.size; i++) {
                if (size == latencies.length) {
                    latencies = Arrays.copyOf(latencies, size * 2);
                }
                latencies[size++] = other.latencies[i];
            }
            other.statuses.forEach((status, n) -> statuses.merge(status, n, Integer::sum));
            for (String odd : other.oddAnswers) {
                if (oddAnswers.size() < 3) {
                    oddAnswers.add(odd);
                }
            }
        }

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        /** Nearest-rank percentile, in ms. */
        double percentile(double p) {
            long[] sorted = Arrays.copyOf(latencies, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * size);
            return ms(sorted[Math.max(0, Math.min(size - 1, rank - 1))]);
        }
    }

    private void report(String phase, String what, Run run, long wallNanos) {
        System.out.printf(Locale.ROOT, "%n%s: %s%n", phase, what);
        System.out.printf(Locale.ROOT, "    %d requests in %.0f ms -> %.1f req/s%n", run.size, ms(wallNanos),
                run.size / (wallNanos / 1e9));
        System.out.printf(Locale.ROOT, "    latency ms: p50 %.2f | p90 %.2f | p99 %.2f | max %.2f%n",
                run.percentile(50), run.percentile(90), run.percentile(99), run.percentile(100));
        System.out.printf(Locale.ROOT, "    answers by status: %s%n", run.statuses);
        for (String odd : run.oddAnswers) {
            System.out.printf(Locale.ROOT, "    e.g. %s%n", odd.length() > 300 ? odd.substring(0, 300) + "..." : odd);
        }
    }

    // ---- checking ----

    /**
     * After a phase: stock left, instances per account and balance per account equal what the 201 answers bought
     * (for a phase whose answers were not all 201, against the number of 201s actually received).
     */
    private void verify(String phase, Run run, int bought, Map<String, String> accounts, String nodeId, int stocked,
                        int perAccount) throws Exception {
        if (run != null) {
            check(phase + ": every purchase answered 201", run.count(201) == bought,
                    run.count(201) + " of " + bought + ", answers " + run.statuses);
        }
        int sold = run == null ? bought : run.count(201);
        int stock = stock(nodeId);
        check(phase + ": stock " + stocked + " - " + sold + " sold = " + (stocked - sold), stock == stocked - sold,
                "stock is " + stock);
        int instances = 0;
        boolean balances = true;
        StringBuilder detail = new StringBuilder();
        for (String token : accounts.values()) {
            int mine = countInstances(token);
            instances += mine;
            BigDecimal granted = grantFor(accounts.size() == 1 ? bought : perAccount);
            BigDecimal expected = granted.subtract(price.multiply(BigDecimal.valueOf(mine)));
            BigDecimal available = new BigDecimal(get("/account", token).get("availableBalance").getStringValue());
            if (available.compareTo(expected) != 0) {
                balances = false;
                detail.append(" available ").append(available).append(" expected ").append(expected).append(';');
            }
        }
        check(phase + ": instances listed (GET /instances pages) = " + sold, instances == sold, "listed " + instances);
        check(phase + ": balance = granted - " + price + " x instances, for " + accounts.size() + " account(s)",
                balances, detail.toString());
    }

    private void check(String what, boolean ok, String detail) {
        if (ok) {
            System.out.println("    OK     " + what);
        } else {
            failures++;
            System.out.println("    FAILED " + what + " (" + detail + ")");
        }
    }

    // ---- setting up over HTTP, as an operator would ----

    /** Enough coupon for `purchases` servers plus ten more, so an extra charge would show in the balance. */
    private BigDecimal grantFor(int purchases) {
        return price.multiply(BigDecimal.valueOf(purchases + 10L));
    }

    private String customer(String accountId, int purchases) throws Exception {
        expect(200, send("PUT", "/admin/accounts/" + accountId, "{\"activated\":true,\"verification\":\"ENTERPRISE\"}",
                admin, null));
        expect(201, send("POST", "/admin/accounts/" + accountId + "/coupons", "{\"amount\":\"" + grantFor(purchases)
                + "\",\"expiresAt\":\"2099-01-01T00:00:00+08:00\"}", admin, "grant-" + accountId));
        return token(accountId, "");
    }

    private void catalog(String nodeId, String specId, int stock) throws Exception {
        expect(200, send("PUT", "/admin/catalog/nodes/" + nodeId, "{\"status\":\"OPEN\"}", admin, null));
        expect(200, send("PUT", "/admin/catalog/nodes/" + nodeId + "/specs/" + specId, "{\"monthlyPrice\":\"" + price
                + "\",\"yearlyPrice\":\"" + price.multiply(BigDecimal.TEN) + "\",\"hourlyPrice\":\"2.00\",\"stock\":"
                + stock + "}", admin, null));
    }

    private int stock(String nodeId) throws Exception {
        for (JsonNode spec : get("/catalog/nodes/" + nodeId + "/specs", null).get("items").values()) {
            if ("bench-spec".equals(spec.get("specId").getStringValue())) {
                return spec.get("stock").getIntValue();
            }
        }
        throw new IllegalStateException("no bench-spec on " + nodeId);
    }

    private int countInstances(String token) throws Exception {
        int count = 0;
        String next = null;
        do {
            JsonNode page = get("/instances?limit=100" + (next == null ? ""
                    : "&nextToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8)), token);
            count += page.get("items").size();
            JsonNode token2 = page.get("nextToken");
            next = token2 == null || token2.isNull() ? null : token2.getStringValue();
        } while (next != null);
        return count;
    }

    private HttpResponse<String> buy(String token, String nodeId, String key) throws Exception {
        return send("POST", "/instances", "{\"nodeId\":\"" + nodeId + "\",\"specId\":\"bench-spec\",\"quantity\":1,"
                + "\"billingMethod\":\"MONTHLY_PACKAGE\",\"duration\":" + MONTH + ",\"paymentMethod\":\"BALANCE\"}",
                token, key);
    }

    private String token(String sub, String roles) throws Exception {
        HttpResponse<String> response = expect(200, send("POST", "/_local/tokens",
                "{\"sub\":\"" + sub + "\",\"roles\":[" + roles + "]}", null, null));
        return json.readValue(response.body(), JsonNode.class).get("token").getStringValue();
    }

    private JsonNode get(String path, String token) throws Exception {
        return json.readValue(expect(200, send("GET", path, null, token, null)).body(), JsonNode.class);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " from " + response.request().method() + " "
                    + response.request().uri() + ", got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private HttpResponse<String> send(String method, String path, String body, String token, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpRequest built = request.build();
        return http.send(built, BodyHandlers.ofString());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
