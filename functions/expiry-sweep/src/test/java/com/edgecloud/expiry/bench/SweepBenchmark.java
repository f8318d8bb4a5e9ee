package com.edgecloud.expiry.bench;

import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.billing.dynamodb.DynamoLifecycleStore;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.lifecycle.ExpirySweepRun;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Not a test (its name matches no Surefire include): how the expiry sweep's work grows with the
 * number of instances when the number due stays 1,000. For each total it writes the instances
 * straight into a fresh DynamoDB Local (1,000 with their warning due, the rest due in a year),
 * runs one sweep and prints the items it read, its DynamoDB calls by operation, and its time.
 * Command: see benchmarks/README.md.
 */
public final class SweepBenchmark {

    static final Instant NOW = Instant.parse("2026-03-02T16:00:00Z");

    public static void main(String[] args) throws Exception {
        List<Integer> totals = new ArrayList<>();
        for (String a : (args.length == 0 ? new String[] {"1000", "100000"} : args)) {
            totals.add(Integer.parseInt(a));
        }
        for (int total : totals) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            try (DynamoDbLocal local = DynamoDbLocal.start(port, Tables::createAll)) {
                run(local, total, 1000);
            }
        }
    }

    static void run(DynamoDbLocal local, int total, int due) {
        TableNames tables = TableNames.defaults();
        long loadStart = System.nanoTime();
        List<WriteRequest> batch = new ArrayList<>();
        for (int n = 0; n < total; n++) {
            String id = "i-bench-" + n;
            Instant expiresAt = n < due ? NOW.plusSeconds(30L * 86400 - 60) : NOW.plusSeconds(400L * 86400);
            Due mark = Due.firstOfTerm(id, NOW.minusSeconds(86400), expiresAt);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("instanceId", AttributeValue.fromS(id));
            item.put("accountId", AttributeValue.fromS("acct-bench-" + (n % 500)));
            item.put("createdKey", AttributeValue.fromS("2026-03-01T16:00:00Z#" + id));
            item.put("nodeId", AttributeValue.fromS("node-bench"));
            item.put("specId", AttributeValue.fromS("spec-bench"));
            item.put("orderId", AttributeValue.fromS("ord-bench"));
            item.put("billingMethod", AttributeValue.fromS("MONTHLY_PACKAGE"));
            item.put("billingState", AttributeValue.fromS("NORMAL"));
            item.put("powerState", AttributeValue.fromS("RUNNING"));
            item.put("termStartsAt", AttributeValue.fromS("2026-03-01T16:00:00Z"));
            item.put("expiresAt", AttributeValue.fromS(expiresAt.toString()));
            item.put("createdAt", AttributeValue.fromS("2026-03-01T16:00:00Z"));
            item.put("meteredSeconds", AttributeValue.fromN("0"));
            item.put("billedFen", AttributeValue.fromN("0"));
            item.put("version", AttributeValue.fromN("0"));
            item.put("dueBucket", AttributeValue.fromS(mark.bucket()));
            item.put("dueAt", AttributeValue.fromS(mark.at().toString()));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || n == total - 1) {
                Map<String, List<WriteRequest>> pending = Map.of(tables.instances(), List.copyOf(batch));
                while (!pending.isEmpty()) {
                    pending = local.client().batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build())
                            .unprocessedItems();
                }
                batch.clear();
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Map<String, AtomicLong> calls = new TreeMap<>();
        DynamoDbClient counted = DynamoDbClient.builder().endpointOverride(local.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        String operation = context.request().getClass().getSimpleName().replace("Request", "");
                        synchronized (calls) {
                            calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                })).build();
        ExpirySweepRun sweep = new ExpirySweepRun(new DynamoLifecycleStore(counted, tables),
                new DynamoInstanceRepository(counted, tables), (instance, at) -> {
                    throw new IllegalStateException("no instance of this benchmark has auto-renewal on (R4)");
                });
        long start = System.nanoTime();
        ExpirySweepRun.Result result = sweep.run(ExpirySweepRun.allBuckets(), NOW, () -> true);
        double seconds = (System.nanoTime() - start) / 1e9;
        long totalCalls = calls.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("instances=%d due=%d load=%.1fs | sweep: read=%d changed=%d calls=%d %s time=%.2fs%n",
                total, due, loadSeconds, result.read(), result.changed(), totalCalls, calls, seconds);
        boolean ok = result.read() == due && result.changed() == due;
        System.out.println(ok ? "OK: read exactly the due instances" : "FAILED: read " + result.read());
        counted.close();
    }
}
