package com.edgecloud.billing.metering;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.payment.AfterRecharge;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * G5: when a recharge lands, the account's unpaid bills are settled oldest first while the
 * available balance covers each in full (ARREARS_SETTLEMENT entries, coupons first as any charge,
 * A3). An instance whose unpaid bills are all settled is NORMAL again (unless released): its
 * overdue mark and release are cleared and metering resumes from this instant, so the overdue time
 * is never billed; its power state is left as it was. Runs inside the recharge's callback request,
 * after the credit, so it is done by the time the callback is answered; idempotent (a replay finds
 * nothing unpaid or settles what is left).
 */
public final class ArrearsSettlement implements AfterRecharge {

    /** Bills per transaction: each takes its bill, its ledger entry and at most one instance. */
    static final int MAX_BILLS_PER_TRANSACTION = 30;

    private final WalletMovements movements;
    private final BillRepository bills;
    private final InstanceRepository instances;
    private final ArrearsStore store;
    private final ZoneId zone;
    private final Clock clock;

    public ArrearsSettlement(WalletMovements movements, BillRepository bills, InstanceRepository instances,
                             ArrearsStore store, ZoneId zone, Clock clock) {
        this.movements = movements;
        this.bills = bills;
        this.instances = instances;
        this.store = store;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void afterCredit(String accountId, Payment payment) {
        settle(accountId);
    }

    /** Settles what the balance covers; returns how many bills it settled. */
    public int settle(String accountId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int total = 0;
        while (true) {
            int settled = movements.move(accountId, () -> BillingException.notFound("account " + accountId),
                    account -> plan(account, now));
            total += settled;
            if (settled < MAX_BILLS_PER_TRANSACTION) {
                return total;
            }
        }
    }

    private WalletMovements.Commit<Integer> plan(Account account, Instant now) {
        List<Bill> unpaid = new ArrayList<>();
        for (Bill listed : bills.unpaidByAccount(account.accountId())) { // oldest period end first
            bills.find(listed.instanceId(), listed.periodStart())
                    .filter(b -> b.status() == BillStatus.UNPAID).ifPresent(unpaid::add);
        }
        WalletPlan wallet = new WalletPlan(account, now);
        List<Bill> paid = new ArrayList<>();
        for (Bill bill : unpaid) {
            if (paid.size() == MAX_BILLS_PER_TRANSACTION || wallet.available().isLessThan(bill.amount())) {
                break; // oldest first: a bill the balance cannot cover in full waits, and so do the newer ones
            }
            if (bill.amount().isPositive()) {
                wallet.charge(bill.amount(), LedgerEntryType.ARREARS_SETTLEMENT, bill.instanceId(), null);
            }
            paid.add(bill.paid());
        }
        Set<String> stillOwing = new HashSet<>();
        unpaid.subList(paid.size(), unpaid.size()).forEach(b -> stillOwing.add(b.instanceId()));
        Set<String> cleared = new LinkedHashSet<>();
        paid.forEach(b -> cleared.add(b.instanceId()));
        cleared.removeAll(stillOwing);
        List<Instance> resumed = new ArrayList<>();
        for (String id : cleared) {
            instances.find(id).filter(i -> i.billingState() == BillingState.OVERDUE).ifPresent(overdue -> resumed.add(
                    overdue.withState(BillingState.NORMAL, null, null, Due.nextUsageBill(overdue.accountId(), now, zone))
                            .withMetering(now, overdue.meteredSeconds(), overdue.meteredFenSeconds(),
                                    overdue.billedFen())));
        }
        resumed.forEach(i -> wallet.startsRunning(i.nodeId(), i.specId())); // G7's counts, with the resumption
        return () -> {
            if (!paid.isEmpty()) {
                store.settle(wallet.change(), paid, resumed);
            }
            return paid.size();
        };
    }
}
