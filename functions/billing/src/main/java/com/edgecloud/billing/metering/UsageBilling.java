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

    private final WalletMovements movements;
    private final InstanceRepository instances;
    private final CatalogRepository catalog;
    private final LifecycleStore store;
    private final UsageMeter meter;

    public UsageBilling(WalletMovements movements, InstanceRepository instances, CatalogRepository catalog,
                        LifecycleStore store, UsageMeter meter) {
        this.movements = movements;
        this.instances = instances;
        this.catalog = catalog;
        this.store = store;
        this.meter = meter;
    }

    /** What one account's billing did in a run. */
    public record Billed(int bills, int paid, int overdue, int transactions) {
        Billed plus(Billed o) {
            return new Billed(bills + o.bills, paid + o.paid, overdue + o.overdue, transactions + o.transactions);
        }
    }

    /**
     * Bills every hour that has ended by {@code now} of the given instances of one account, in
     * order. Instances are re-read in each attempt, so an instance another run billed meanwhile is
     * simply no longer due, and a rerun after a crash issues nothing twice.
     */
    public Billed billAccount(String accountId, List<String> instanceIds, Instant now) {
        Set<String> remaining = new LinkedHashSet<>(instanceIds);
        Map<String, Money> prices = new HashMap<>();
        Billed total = new Billed(0, 0, 0, 0);
        while (!remaining.isEmpty()) {
            Billed done = movements.move(accountId, () -> BillingException.notFound("account " + accountId),
                    account -> plan(account, remaining, prices, now));
            total = total.plus(done);
        }
        return total;
    }

    private com.edgecloud.billing.wallet.WalletMovements.Commit<Billed> plan(
            Account account, Set<String> remaining, Map<String, Money> prices, Instant now) {
        WalletPlan wallet = new WalletPlan(account, now);
        List<LifecycleChange> changes = new ArrayList<>();
        Set<String> finished = new LinkedHashSet<>();
        int items = 1; // the wallet
        int bills = 0;
        int paid = 0;
        int overdue = 0;
        for (String id : remaining) {
            Instance instance = instances.find(id).orElse(null);
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
                current = current.withDue(Due.of(Due.Kind.USAGE, id, meter.hourEnd(current.billedUntil())));
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
                store.commit(changes, wallet.change());
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
     * and bills each page's instances account by account.
     */
    public Run run(List<String> buckets, Instant now, java.util.function.BooleanSupplier timeLeft) {
        Billed[] total = {new Billed(0, 0, 0, 0)};
        com.edgecloud.billing.lifecycle.DueSweep.Swept swept = com.edgecloud.billing.lifecycle.DueSweep.run(
                store, buckets, now, timeLeft, page -> {
                    Map<String, List<String>> byAccount = new java.util.LinkedHashMap<>();
                    for (Instance i : page) {
                        if (isUsageDue(i, now)) {
                            byAccount.computeIfAbsent(i.accountId(), a -> new ArrayList<>()).add(i.id());
                        }
                    }
                    byAccount.forEach((account, ids) -> total[0] = total[0].plus(billAccount(account, ids, now)));
                });
        return new Run(swept.read(), total[0], swept.stoppedEarly());
    }

    public static List<String> allBuckets() {
        return Due.buckets(Due.Kind.USAGE);
    }
}
