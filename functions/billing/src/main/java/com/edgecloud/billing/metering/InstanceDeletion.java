package com.edgecloud.billing.metering;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.PriceHistory;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.InstanceOperation;
import com.edgecloud.billing.lifecycle.LifecycleChange;
import com.edgecloud.billing.lifecycle.LifecycleRules;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.metering.UsageMeter.Metered;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * G6, P4, E2, E5: an owner deletes a pay-by-configuration instance (NORMAL or OVERDUE). A final
 * bill for the seconds not yet billed (to the second; none while OVERDUE, whose metering is
 * suspended) is paid like any bill, or stays unpaid as arrears; the server is released and its
 * stock returned, all in one transaction. No stop or release notification: the owner did it.
 */
public final class InstanceDeletion {

    private final WalletMovements movements;
    private final InstanceRepository instances;
    private final CatalogRepository catalog;
    private final LifecycleStore store;
    private final UsageMeter meter;
    private final Clock clock;

    public InstanceDeletion(WalletMovements movements, InstanceRepository instances, CatalogRepository catalog,
                            LifecycleStore store, UsageMeter meter, Clock clock) {
        this.movements = movements;
        this.instances = instances;
        this.catalog = catalog;
        this.store = store;
        this.meter = meter;
        this.clock = clock;
    }

    /** The instance as released, and its final bill (null when no second was left to bill). */
    public record Deleted(Instance instance, Bill finalBill) {
    }

    /** {@code answer} (may be null) renders the outcome into the idempotent answer stored with it. */
    public Deleted delete(String accountId, String instanceId, Function<Deleted, IdempotentCompletion> answer) {
        return movements.move(accountId, () -> BillingException.notFound("instance " + instanceId),
                account -> plan(account, instanceId, answer));
    }

    private WalletMovements.Commit<Deleted> plan(Account account, String instanceId,
                                                 Function<Deleted, IdempotentCompletion> answer) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instance instance = instances.findOwned(account.accountId(), instanceId);
        LifecycleRules.require(instance.billingMethod(), instance.billingState(), InstanceOperation.DELETE);
        WalletPlan wallet = new WalletPlan(account, now);
        if (instance.billingMethod() == BillingMethod.PAY_BY_CONFIGURATION
                && instance.billingState() == BillingState.NORMAL) {
            wallet.stopsRunning(instance.nodeId(), instance.specId()); // G7's counts, with the release
        }
        Optional<Metered> unbilled = unbilledUsage(instance, now);
        Bill bill = unbilled.map(usage -> finalBill(instance, usage, wallet)).orElse(null);
        Instance billed = unbilled.map(usage -> usage.applyTo(instance)).orElse(instance);
        Instance after = billed.withState(BillingState.RELEASED, billed.overdueSince(), now, null)
                .withPowerState(PowerState.STOPPED);
        LifecycleChange change = new LifecycleChange(after, bill == null ? List.of() : List.of(bill), List.of(), true);
        Deleted deleted = new Deleted(after.next(), bill);
        IdempotentCompletion completion = answer == null ? null : answer.apply(deleted);
        OperationRecord operation = OperationRecord.of(InstanceOperation.DELETE, instance, after, account.accountId(),
                now);
        return () -> {
            store.commit(List.of(change), wallet.change(), completion, operation);
            return deleted;
        };
    }

    /**
     * G6, G2: the seconds of a NORMAL pay-by-configuration instance not yet billed, priced second by
     * second at the price in effect; none while OVERDUE (metering is suspended) or for a package.
     */
    private Optional<Metered> unbilledUsage(Instance instance, Instant now) {
        if (instance.billingMethod() != BillingMethod.PAY_BY_CONFIGURATION
                || instance.billingState() != BillingState.NORMAL || instance.billedUntil() == null
                || !now.isAfter(instance.billedUntil())) {
            return Optional.empty();
        }
        PriceHistory prices = catalog.hourlyPrices(instance.nodeId(), instance.specId())
                .orElse(PriceHistory.always(Money.ZERO));
        return Optional.of(meter.meter(instance, now, prices));
    }

    /** G6, G3, A3: the final bill is paid like any bill, or stays unpaid in full as arrears. */
    private static Bill finalBill(Instance instance, Metered usage, WalletPlan wallet) {
        boolean pays = !usage.amount().isPositive() || wallet.available().isAtLeast(usage.amount());
        if (pays && usage.amount().isPositive()) {
            wallet.charge(usage.amount(), LedgerEntryType.USAGE_BILL, instance.id(), null);
        }
        return new Bill(Bill.idOf(instance.id(), usage.periodStart()), instance.id(), instance.accountId(),
                usage.periodStart(), usage.periodEnd(), usage.seconds(), usage.amount(),
                pays ? BillStatus.PAID : BillStatus.UNPAID);
    }
}
