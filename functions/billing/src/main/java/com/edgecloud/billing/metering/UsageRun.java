package com.edgecloud.billing.metering;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.DueSweep;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * G2: one hourly run over USAGE buckets (issue 19 §3). It reads the due index page by page and
 * gathers each bucket's pages by account (an account's servers share its bucket, {@code Due.usage},
 * but not a page: equal due points come in no useful order), then bills the window's accounts on
 * {@code workers} threads while it reads the next window. An account is billed by one worker at a
 * time: its billing in a window waits for its billing in the one before, so a run never races its
 * own wallet. Each account is billed from what the page brought and each spec's price is read once
 * per run ({@link UsageBilling#billAccount(String, List, SpecPrices, Instant)}).
 *
 * <p>When time runs short, accounts not started yet are left due for the next run. An account whose
 * billing fails leaves its work due and the others are billed all the same; the run then throws the
 * first failure, so the invocation fails and is retried or alarmed on.
 */
final class UsageRun {

    /**
     * Due instances gathered by account before billing: a bucket of up to this many is one window,
     * so each of its accounts is paid in one transaction; a larger bucket is cut into windows, and an
     * account across a cut is paid once in each (docs/scaling.md sizes buckets below this).
     */
    static final int WINDOW = 20_000;

    private final UsageBilling billing;
    private final LifecycleStore store;
    private final int workers;

    UsageRun(UsageBilling billing, LifecycleStore store, int workers) {
        this.billing = billing;
        this.store = store;
        this.workers = workers;
    }

    UsageBilling.Run run(List<String> buckets, Instant now, BooleanSupplier timeLeft, SpecPrices prices) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, new Workers());
        Lanes lanes = new Lanes(pool, prices, now, timeLeft);
        try {
            int read = 0;
            boolean stoppedEarly = false;
            CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
            Map<String, List<Instance>> window = new LinkedHashMap<>();
            int gathered = 0;
            for (String bucket : buckets) {
                String token = null;
                do {
                    if (!timeLeft.getAsBoolean()) {
                        stoppedEarly = true;
                        break;
                    }
                    Page<Instance> page = store.due(bucket, now, DueSweep.PAGE_SIZE, token);
                    read += page.items().size();
                    for (Instance instance : page.items()) {
                        if (UsageBilling.isUsageDue(instance, now)) {
                            window.computeIfAbsent(instance.accountId(), a -> new ArrayList<>()).add(instance);
                            gathered++;
                        }
                    }
                    token = page.nextToken();
                    if (token == null || gathered >= WINDOW) {
                        // A window ends with its bucket (an account is in one bucket) or when full.
                        // Bill it while the next is read; keep at most two in memory.
                        CompletableFuture<Void> billing = lanes.bill(window);
                        previous.join();
                        previous = billing;
                        window = new LinkedHashMap<>();
                        gathered = 0;
                    }
                } while (token != null);
                if (stoppedEarly) {
                    break;
                }
            }
            lanes.bill(window).join();
            previous.join();
            lanes.throwFirstFailure();
            return new UsageBilling.Run(read, lanes.total(), stoppedEarly || lanes.skipped());
        } catch (RuntimeException readFailed) {
            // A due page could not be read: let the accounts already started finish before failing,
            // so nothing of this run is still writing when the invocation ends.
            lanes.awaitAll();
            throw readFailed;
        } finally {
            pool.shutdown();
        }
    }

    /** The run's billing of accounts: one lane per account, accounts in parallel. */
    private final class Lanes {

        private final ExecutorService pool;
        private final SpecPrices prices;
        private final Instant now;
        private final BooleanSupplier timeLeft;
        private final Map<String, CompletableFuture<Void>> byAccount = new HashMap<>();
        private UsageBilling.Billed total = new UsageBilling.Billed(0, 0, 0, 0);
        private RuntimeException firstFailure;
        private boolean skipped;

        Lanes(ExecutorService pool, SpecPrices prices, Instant now, BooleanSupplier timeLeft) {
            this.pool = pool;
            this.prices = prices;
            this.now = now;
            this.timeLeft = timeLeft;
        }

        /** Starts billing each account of {@code window} after its billing in earlier windows. */
        CompletableFuture<Void> bill(Map<String, List<Instance>> window) {
            List<CompletableFuture<Void>> started = new ArrayList<>();
            window.forEach((accountId, seen) -> {
                CompletableFuture<Void> before = byAccount.getOrDefault(accountId, CompletableFuture.completedFuture(null));
                CompletableFuture<Void> lane = before.thenRunAsync(() -> billOne(accountId, seen), pool);
                byAccount.put(accountId, lane);
                started.add(lane);
            });
            return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
        }

        void awaitAll() {
            byAccount.values().forEach(CompletableFuture::join);
        }

        private void billOne(String accountId, List<Instance> seen) {
            if (!timeLeft.getAsBoolean()) {
                markSkipped();
                return;
            }
            try {
                add(billing.billAccount(accountId, seen, prices, now));
            } catch (RuntimeException failed) {
                fail(failed);
            }
        }

        private synchronized void add(UsageBilling.Billed billed) {
            total = total.plus(billed);
        }

        private synchronized void fail(RuntimeException failed) {
            if (firstFailure == null) {
                firstFailure = failed;
            } else {
                firstFailure.addSuppressed(failed);
            }
        }

        private synchronized void markSkipped() {
            skipped = true;
        }

        synchronized UsageBilling.Billed total() {
            return total;
        }

        synchronized boolean skipped() {
            return skipped;
        }

        synchronized void throwFirstFailure() {
            if (firstFailure != null) {
                throw firstFailure;
            }
        }
    }

    /** Daemon threads named for the run, so a thread dump says what they are. */
    private static final class Workers implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "usage-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
