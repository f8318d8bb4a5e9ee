package com.edgecloud.bench.usagerun;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.catalog.PriceHistory;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.DueSweep;
import com.edgecloud.billing.lifecycle.LifecycleChange;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillStatus;
import com.edgecloud.billing.metering.UsageBilling;
import com.edgecloud.billing.metering.UsageMeter;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The limit the usage run is compared with: the least any correct billing must do per account,
 * one consistent GetItem of the account item (its wallet) and then the same TransactWriteItems the
 * product commits (the wallet update under its version, each instance under its version with its
 * next due point, each bill, each ledger entry: same items, same sizes, written by the same store).
 * What it needs besides is handed to it before the clock starts: the due instances and the prices.
 * Accounts in parallel on {@code workers} threads, one account per thread at a time.
 */
final class BareBillingLoop {

    private final AccountRepository accounts;
    private final LifecycleStore store;
    private final UsageMeter meter;
    private final ZoneId zone;

    BareBillingLoop(AccountRepository accounts, LifecycleStore store, UsageMeter meter, ZoneId zone) {
        this.accounts = accounts;
        this.store = store;
        this.meter = meter;
        this.zone = zone;
    }

    /** What the loop is handed before it is timed: the due instances by account, and their prices. */
    record Work(Map<String, List<Instance>> byAccount, Map<String, Money> prices) {
    }

    /** Reads, untimed, what is due at {@code now} (the same query as the run) and each spec's price. */
    static Work prepare(LifecycleStore store, CatalogRepository catalog, Instant now) {
        Map<String, List<Instance>> byAccount = new LinkedHashMap<>();
        Map<String, Money> prices = new HashMap<>();
        for (String bucket : UsageBilling.allBuckets()) {
            String token = null;
            do {
                Page<Instance> page = store.due(bucket, now, DueSweep.PAGE_SIZE, token);
                for (Instance i : page.items()) {
                    byAccount.computeIfAbsent(i.accountId(), a -> new ArrayList<>()).add(i);
                    prices.computeIfAbsent(priceKey(i), k -> catalog.spec(i.nodeId(), i.specId())
                            .map(Spec::hourlyPrice).orElseThrow());
                }
                token = page.nextToken();
            } while (token != null);
        }
        return new Work(byAccount, prices);
    }

    static String priceKey(Instance i) {
        return i.nodeId() + "/" + i.specId();
    }

    /** Bills the hour ending at {@code now} of every instance handed; returns the bills issued. */
    int run(Work work, Instant now, int workers) throws Exception {
        AtomicInteger bills = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            work.byAccount().forEach((accountId, instances) -> done.add(pool.submit(() ->
                    bills.addAndGet(billAccount(accountId, instances, work.prices(), now)))));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return bills.get();
    }

    private int billAccount(String accountId, List<Instance> due, Map<String, Money> prices, Instant now) {
        Account account = accounts.find(accountId).orElseThrow();
        WalletPlan wallet = new WalletPlan(account, now);
        List<LifecycleChange> changes = new ArrayList<>();
        for (Instance instance : due) {
            UsageMeter.Metered m = meter.nextHour(instance, PriceHistory.always(prices.get(priceKey(instance))));
            wallet.charge(m.amount(), LedgerEntryType.USAGE_BILL, instance.id(), null);
            Bill bill = new Bill(Bill.idOf(instance.id(), m.periodStart()), instance.id(), accountId, m.periodStart(),
                    m.periodEnd(), m.seconds(), m.amount(), BillStatus.PAID);
            Instance after = m.applyTo(instance);
            after = after.withDue(Due.nextUsageBill(accountId, m.periodEnd(), zone));
            changes.add(new LifecycleChange(after, List.of(bill), List.of(), false));
        }
        store.commit(changes, wallet.change());
        return changes.size();
    }
}
