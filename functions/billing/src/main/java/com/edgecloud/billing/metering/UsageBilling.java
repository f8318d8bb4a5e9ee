package com.edgecloud.billing.metering;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.PriceHistory;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.ExpirySweep;
import com.edgecloud.billing.lifecycle.LifecycleChange;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import com.edgecloud.billing.metering.UsageMeter.Metered;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.notify.OutboxMessages;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.wallet.WalletMovements.Commit;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * G2, G3, G4: issues the hourly bills of an account's due pay-by-configuration instances and pays
 * them through the one money path (coupons first, A3). The bills of one account due in one run
 * are paid together: one transaction per account (split when it would pass DynamoDB's 100 items),
 * holding the instances under their versions, their next due points, the bills, the wallet change
 * and the notifications. A bill that cannot be paid in full stays UNPAID in full and makes its
 * instance OVERDUE from the end of its hour; metering stops there and release is due 7 days on.
 * G7: the same transaction sends the account's low-balance warning when its balance falls short.
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
    private final LowBalanceWarning lowBalance;
    private final int workers;

    /** A billing whose runs bill one account at a time. */
    public UsageBilling(WalletMovements movements, InstanceRepository instances, CatalogRepository catalog,
                        LifecycleStore store, UsageMeter meter, LowBalanceWarning lowBalance) {
        this(movements, instances, catalog, store, meter, lowBalance, 1);
    }

    /** {@code workers}: accounts billed in parallel within a run ({@code billing.usage-workers}, docs/scaling.md). */
    public UsageBilling(WalletMovements movements, InstanceRepository instances, CatalogRepository catalog,
                        LifecycleStore store, UsageMeter meter, LowBalanceWarning lowBalance, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("billing.usage-workers must be at least 1, not " + workers);
        }
        this.movements = movements;
        this.instances = instances;
        this.catalog = catalog;
        this.store = store;
        this.meter = meter;
        this.lowBalance = lowBalance;
        this.workers = workers;
    }

    /** What one account's billing did in a run. */
    public record Billed(int bills, int paid, int overdue, int transactions) {

        static final Billed NONE = new Billed(0, 0, 0, 0);

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
        return bill(accountId, KnownInstances.toRead(instanceIds, instances), new SpecPrices(catalog), now);
    }

    /**
     * The same for a run: {@code seen} as the due page brought them (the index may lag), committed
     * under the version seen; only when that condition fails are they read again (issue 19). The
     * {@code prices} are the run's, each spec's history read once.
     */
    Billed billAccount(String accountId, List<Instance> seen, SpecPrices prices, Instant now) {
        return bill(accountId, KnownInstances.seen(seen, instances), prices, now);
    }

    private Billed bill(String accountId, KnownInstances known, SpecPrices prices, Instant now) {
        Set<String> remaining = new LinkedHashSet<>(known.ids());
        Billed total = Billed.NONE;
        while (!remaining.isEmpty()) {
            total = total.plus(movements.move(accountId, () -> BillingException.notFound("account " + accountId),
                    account -> plan(account, remaining, known, prices, now)));
        }
        return total;
    }

    /** One transaction's bills: the remaining instances in order, as many as fit. */
    private Commit<Billed> plan(Account account, Set<String> remaining, KnownInstances known, SpecPrices prices,
                                Instant now) {
        UsageBatch batch = new UsageBatch(account, now);
        for (String id : remaining) {
            Optional<Instance> due = known.current(id).filter(instance -> isUsageDue(instance, now));
            if (due.isEmpty()) {
                batch.finish(id);
                continue;
            }
            if (!batch.hasRoomFor(hoursDue(due.get(), now))) {
                break;
            }
            billDueHours(due.get(), prices.of(due.get()), batch, now);
        }
        if (!batch.changes().isEmpty()) {
            lowBalance.plan(batch, prices, now); // G7: from what this run's bills leave
        }
        return batch.commit(store, known, remaining);
    }

    /**
     * G2, G3: bills the instance's ended hours in order, up to one transaction's share, paying each
     * from the batch's wallet; the first that cannot be paid makes it OVERDUE and ends its billing.
     */
    private void billDueHours(Instance instance, PriceHistory prices, UsageBatch batch, Instant now) {
        Instance current = instance;
        List<Bill> issued = new ArrayList<>();
        List<OutboxMessage> messages = new ArrayList<>();
        int ledgerEntries = 0;
        while (issued.size() < MAX_HOURS_PER_TRANSACTION && !meter.hourEnd(current.billedUntil()).isAfter(now)) {
            Metered hour = meter.nextHour(current, prices);
            boolean pays = pay(hour, instance.id(), batch.wallet());
            issued.add(bill(current, hour, pays));
            current = hour.applyTo(current);
            if (hour.amount().isPositive() && pays) {
                ledgerEntries++;
            }
            if (!pays) {
                batch.wallet().stopsRunning(current.nodeId(), current.specId()); // G7's counts, with the OVERDUE
                current = overdueFrom(current, hour.periodEnd());
                messages.add(OutboxMessages.overdue(current, current.overdueSince(), now));
                break;
            }
        }
        if (current.billingState() == BillingState.NORMAL) {
            current = current.withDue(Due.usage(current.accountId(), meter.hourEnd(current.billedUntil())));
        }
        batch.add(new LifecycleChange(current, issued, messages, false), ledgerEntries,
                current.billingState() == BillingState.OVERDUE ? 1 : 0);
        if (!isUsageDue(current, now)) {
            batch.finish(current.id());
        }
    }

    /** G3, A3: a bill is paid in full from the available balance (coupons first), or not at all. */
    private static boolean pay(Metered hour, String instanceId, WalletPlan wallet) {
        if (!hour.amount().isPositive()) {
            return true;
        }
        if (!wallet.available().isAtLeast(hour.amount())) {
            return false;
        }
        wallet.charge(hour.amount(), LedgerEntryType.USAGE_BILL, instanceId, null);
        return true;
    }

    private static Bill bill(Instance instance, Metered hour, boolean paid) {
        return new Bill(Bill.idOf(instance.id(), hour.periodStart()), instance.id(), instance.accountId(),
                hour.periodStart(), hour.periodEnd(), hour.seconds(), hour.amount(),
                paid ? BillStatus.PAID : BillStatus.UNPAID);
    }

    /** G3, G4, E3: overdue from the end of the unpaid hour; no more bills; released 7 days on. */
    private static Instance overdueFrom(Instance instance, Instant since) {
        Instant releaseAt = since.plus(ExpirySweep.RETENTION);
        return instance.withState(BillingState.OVERDUE, since, releaseAt,
                Due.of(Due.Kind.EXPIRY, instance.id(), releaseAt));
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
     * and bills them account by account on this billing's workers ({@link UsageRun}), reading each
     * spec's prices once.
     */
    public Run run(List<String> buckets, Instant now, BooleanSupplier timeLeft) {
        return new UsageRun(this, store, workers).run(buckets, now, timeLeft, new SpecPrices(catalog));
    }

    public static List<String> allBuckets() {
        return Due.buckets(Due.Kind.USAGE);
    }
}
