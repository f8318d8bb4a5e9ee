package com.edgecloud.bench.usagerun;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The fleet of the benchmark: {@code instances} pay-by-configuration instances over {@code accounts}
 * accounts (1 to 8 each, drawn with a fixed seed), on specs of a mix of hourly prices, all launched
 * at one hour boundary, so every instance is due at each following hour. Each account holds enough
 * cash for every hour the benchmark bills: every bill is paid.
 */
record Fleet(List<String> accountIds, int instances, Instant launch) {

    /** Hourly prices of the specs, 0.35 to 12.80 (a mix: most bills are not a whole number of yuan). */
    static final List<String> PRICES = List.of("0.35", "1.00", "1.85", "2.00", "3.20", "4.75", "8.00", "12.80");

    static Fleet load(Fixtures fixtures, int instances, int accounts, Instant launch) throws Exception {
        if (instances < accounts || instances > 8 * accounts) {
            throw new IllegalArgumentException("1 to 8 instances per account: " + instances + " over " + accounts);
        }
        List<String[]> specs = new ArrayList<>();
        for (String price : PRICES) {
            specs.add(fixtures.nodeWithHourlyPrice(price, 1_000_000));
        }
        int[] perAccount = perAccount(instances, accounts, new Random(19));
        ExecutorService loaders = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> written = new ArrayList<>();
            for (int a = 0; a < accounts; a++) {
                int count = perAccount[a];
                int first = a;
                written.add(loaders.submit(() -> {
                    String account = fixtures.verifiedAccount();
                    fixtures.recharge(account, "10000000.00");
                    for (int i = 0; i < count; i++) {
                        Instance instance = fixtures.payByConfiguration(account,
                                specs.get((first + i) % specs.size()), launch);
                        if (instance.due() == null) {
                            throw new IllegalStateException("not due: " + instance.id());
                        }
                    }
                    return account;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : written) {
                ids.add(f.get());
            }
            return new Fleet(ids, instances, launch);
        } finally {
            loaders.shutdown();
        }
    }

    /** One each, the rest spread at random with at most 8 per account. */
    static int[] perAccount(int instances, int accounts, Random random) {
        int[] counts = new int[accounts];
        Arrays.fill(counts, 1);
        for (int left = instances - accounts; left > 0; ) {
            int a = random.nextInt(accounts);
            if (counts[a] < 8) {
                counts[a]++;
                left--;
            }
        }
        return counts;
    }
}
