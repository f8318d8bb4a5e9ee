package com.edgecloud.billing.metering;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.ExpirySweep;
import com.edgecloud.billing.lifecycle.LifecycleChange;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.OutboxMessages;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * G2, G3, G4: issues the hourly bills of an account's due pay-by-configuration instances and pays
 * them through the one money path (coupons first, A3). The bills of one account due in one run
 * are paid together: one transaction per account (split when it would pass DynamoDB's 100 items),
 * holding the instances under their versions, their next due points, the bills, the wallet change
 * and the notifications. A bill that cannot be paid in full stays UNPAID in full and makes its
 * instance OVERDUE from the end of its hour; metering stops there and release is due 7 days on.
 */
public final class UsageBilling {

    /** DynamoDB's limit of items in one transaction. */
    static final int MAX_ITEMS = 100;
    /** Hours of one instance billed in one transaction; a run later than that goes on in the next. */
    static final int MAX_HOURS_PER_TRANSACTION = 24;
    /** Accounts billed in parallel within a run unless configured (docs/scaling.md says why 16). */
    public static final int DEFAULT_WORKERS = 16;

    private final WalletMovements movements;
    private final InstanceRepository instances;
    private final CatalogRepository catalog;
    private final LifecycleStore store;
    private final UsageMeter meter;
    private final int workers;

    /** A billing whose runs bill one account at a time. */
    public UsageBilling(WalletMovements movements, InstanceRepository instances, CatalogRepository catalog,
                        LifecycleStore store, UsageMeter meter) {
        this(movements, instances, catalog, store, meter, 1);
    }

    /** {@code workers}: accounts billed in parallel within a run ({@code billing.usage-workers}, docs/scaling.md). */
    public UsageBilling(WalletMovements movements, InstanceRepository instances, CatalogRepository catalog,
                        LifecycleStore store, UsageMeter meter, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("billing.usage-workers must be at least 1, not " + workers);
        }
        this.movements = movements;
        this.instances = instances;
        this.catalog = catalog;
        this.store = store;
        this.meter = meter;
        this.workers = workers;
    }

    /** What one account's billing did in a run. */
    public record Billed(int bills, int paid, int overdue, int transactions) {
        Billed plus(Billed o) {
            return new Billed(bills + o.bills, paid + o.paid, overdue + o.overdue, transactions + o.transactions);
        }
    }

    /**
     * Bills every hour that has ended by {@code now} of the given instances of one account, in
     * order. Instances are read in the first attempt and re-read in each later one, so an instance
     * another run billed meanwhile is simply no longer due, and a rerun after a crash issues nothing
     * twice.
     */
    public Billed billAccount(String accountId, List<String> instanceIds, Instant now) {
        return bill(accountId, KnownInstances.toRead(instanceIds, instances), new HashMap<>(), now);
    }

    /**
     * The same for a run: {@code seen} as the due page brought them (the index may lag), committed
     * under the version seen; only when that condition fails are they read again (issue 19). The
     * {@code prices} are the run's, each spec's read once.
     */
    Billed billAccount(String accountId, List<Instance> seen, Map<String, Money> prices, Instant now) {
        return bill(accountId, KnownInstances.seen(seen, instances), prices, now);
    }

    private Billed bill(String accountId, KnownInstances known, Map<String, Money> prices, Instant now) {
        Set<String> remaining = new LinkedHashSet<>(known.ids());
        Billed total = new Billed(0, 0, 0, 0);
        while (!remaining.isEmpty()) {
            Billed done = movements.move(accountId, () -> BillingException.notFound("account " + accountId),
                    account -> plan(account, remaining, known, prices, now));
            total = total.plus(done);
        }
        return total;
    }

    private com.edgecloud.billing.wallet.WalletMovements.Commit<Billed> plan(
            Account account, Set<String> remaining, KnownInstances known, Map<String, Money> prices, Instant now) {
        WalletPlan wallet = new WalletPlan(account, now);
        List<LifecycleChange> changes = new ArrayList<>();
        Set<String> finished = new LinkedHashSet<>();
        int items = 1; // the wallet
        int bills = 0;
        int paid = 0;
        int overdue = 0;
        for (String id : remaining) {
            Instance instance = known.current(id).orElse(null);
            if (instance == null || !isUsageDue(instance, now)) {
                finished.add(id);
                continue;
            }
            Money price = prices.computeIfAbsent(instance.nodeId() + "/" + instance.specId(),
                    key -> catalog.spec(instance.nodeId(), instance.specId()).map(Spec::hourlyPrice)
                            .orElse(Money.ZERO));
            // Worst case for this instance: its hours, their ledger entries, the instance, a notification.
            if (items + 2 + 2 * hoursDue(instance, now) > MAX_ITEMS && !changes.isEmpty()) {
                break;
            }
            Instance current = instance;
            List<Bill> issued = new ArrayList<>();
            List<com.edgecloud.billing.notify.OutboxMessage> messages = new ArrayList<>();
            while (issued.size() < MAX_HOURS_PER_TRANSACTION && !meter.hourEnd(current.billedUntil()).isAfter(now)) {
                UsageMeter.Metered m = meter.nextHour(current, price);
                boolean pays = !m.amount().isPositive() || wallet.available().isAtLeast(m.amount());
                if (pays && m.amount().isPositive()) {
                    wallet.charge(m.amount(), LedgerEntryType.USAGE_BILL, id, null); // G3, A3
                    items++;
                    paid++;
                }
                issued.add(new Bill(Bill.idOf(id, m.periodStart()), id, current.accountId(), m.periodStart(),
                        m.periodEnd(), m.seconds(), m.amount(), pays ? BillStatus.PAID : BillStatus.UNPAID));
                current = current.withMetering(m.periodEnd(), m.meteredSeconds(), m.billedFen());
                if (!pays) {
                    // G3, G4, E3: overdue from the end of the unpaid hour; no more bills; released 7 days on.
                    Instant since = m.periodEnd();
                    Instant releaseAt = since.plus(ExpirySweep.RETENTION);
                    current = current.withState(BillingState.OVERDUE, since, releaseAt,
                            Due.of(Due.Kind.EXPIRY, id, releaseAt));
                    messages.add(OutboxMessages.overdue(current, since, now));
                    overdue++;
                    break;
                }
            }
            if (current.billingState() == BillingState.NORMAL) {
                current = current.withDue(Due.usage(current.accountId(), meter.hourEnd(current.billedUntil())));
            }
            LifecycleChange change = new LifecycleChange(current, issued, messages, false);
            changes.add(change);
            items += change.items();
            bills += issued.size();
            if (!isUsageDue(current, now)) {
                finished.add(id);
            }
        }
        Billed result = new Billed(bills, paid, overdue, changes.isEmpty() ? 0 : 1);
        return () -> {
            if (!changes.isEmpty()) {
                known.commit(() -> store.commit(changes, wallet.change()), changes);
            }
            remaining.removeAll(finished);
            return result;
        };
    }

    /** Clock hours ended by {@code now} and not yet billed, up to one transaction's share. */
    private int hoursDue(Instance instance, Instant now) {
        int hours = 0;
        for (Instant end = meter.hourEnd(instance.billedUntil()); !end.isAfter(now) && hours < MAX_HOURS_PER_TRANSACTION;
             end = meter.hourEnd(end)) {
            hours++;
        }
        return hours;
    }

    /** G2, G4: billed hourly while NORMAL; an OVERDUE instance's metering is suspended. */
    static boolean isUsageDue(Instance i, Instant now) {
        return i.billingMethod() == BillingMethod.PAY_BY_CONFIGURATION && i.billingState() == BillingState.NORMAL
                && i.due() != null && i.due().bucket().startsWith(Due.Kind.USAGE.name())
                && !i.due().at().isAfter(now) && i.billedUntil() != null;
    }

    /** What one run did. */
    public record Run(int read, Billed billed, boolean stoppedEarly) {
    }

    /**
     * G2: one billing run over the given USAGE buckets: reads only the due instances, page by page,
     * and bills them account by account on this billing's workers ({@link UsageRun}).
     */
    public Run run(List<String> buckets, Instant now, BooleanSupplier timeLeft) {
        return new UsageRun(this, store, workers).run(buckets, now, timeLeft);
    }

    public static List<String> allBuckets() {
        return Due.buckets(Due.Kind.USAGE);
    }
}
