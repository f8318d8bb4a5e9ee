package com.edgecloud.billing.renewal;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.AutoRenewal;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.lifecycle.AutoRenewer;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.InstanceOperation;
import com.edgecloud.billing.lifecycle.LifecycleRules;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.notify.OutboxMessages;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renewing a monthly package (R1–R4, E4) through the one money path, for its owner or for the
 * expiry sweep (R4): the instance is read with the wallet on every attempt, so a renewal racing
 * another renewal or a power operation plans again from what the other wrote and never loses its
 * update.
 */
public final class RenewalService implements AutoRenewer {

    /** R4: who the operation history names for the sweep's renewal. */
    public static final String SYSTEM = "system";

    private final WalletMovements movements;
    private final InstanceRepository instances;
    private final CatalogRepository catalog;
    private final RenewalStore store;
    private final ExpiryCalendar calendar;
    private final Clock clock;

    public RenewalService(WalletMovements movements, InstanceRepository instances, CatalogRepository catalog,
                          RenewalStore store, ExpiryCalendar calendar, Clock clock) {
        this.movements = movements;
        this.instances = instances;
        this.catalog = catalog;
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** {@code answer} renders the plan into the idempotent answer committed with it. */
    public Renewed renew(RenewalRequest request, Function<RenewalPlan, IdempotentCompletion> answer) {
        if (request.paymentMethod() == PaymentMethod.THIRD_PARTY) {
            throw BillingException.validation(List.of(new FieldError(
                    "paymentMethod", "THIRD_PARTY payment is not available yet; use BALANCE")));
        }
        return movements.move(request.accountId(), () -> {
            // SPEC §9 before A1: an account never set up owns no instance, and is told so as anyone else.
            instances.findOwned(request.accountId(), request.instanceId());
            return neverSetUp();
        }, account -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instance instance = instances.findOwned(request.accountId(), request.instanceId());
            RenewalPlan plan = plan(account, instance, request.duration(), Ids.next("rnw"), request.accountId(), now);
            IdempotentCompletion completion = answer.apply(plan);
            return () -> {
                store.commit(plan, completion);
                return new Renewed(plan, completion);
            };
        });
    }

    /**
     * R4: the sweep's renewal of a term in its auto-renewal window, by the same plan as an owner's
     * renewal. The instance is read again with the wallet on every attempt and renewed only while
     * it is still due for it, with a renewal id fixed by the term it extends and AUTO_RENEWED under an
     * id fixed the same way: a re-run or a racing sweep finds it renewed (or its message written)
     * and renews nothing more.
     */
    @Override
    public AutoRenewer.Attempt renew(Instance fromSweep, Instant now) {
        Instant termExpiry = fromSweep.expiresAt();
        try {
            return movements.<AutoRenewer.Attempt>move(fromSweep.accountId(), RenewalService::neverSetUp, account -> {
                Instance instance = instances.find(fromSweep.id()).orElse(null);
                if (instance == null || !termExpiry.equals(instance.expiresAt()) || !AutoRenewal.actsOn(instance, now)) {
                    return AutoRenewer.NotDue::new;
                }
                RenewalPlan renewal = plan(account, instance, instance.autoRenewal().duration(),
                        automaticRenewalId(instance), SYSTEM, now);
                RenewalPlan plan = renewal.notifying(List.of(autoRenewed(instance, renewal, now)));
                return () -> {
                    store.commit(plan, null);
                    return new AutoRenewer.Succeeded();
                };
            });
        } catch (BillingException refused) {
            return new AutoRenewer.Refused(refused.code(), priceOrNull(fromSweep));
        }
    }

    private RenewalPlan plan(Account account, Instance instance, TermDuration duration, String renewalId, String by,
                             Instant now) {
        LifecycleRules.require(instance.billingMethod(), instance.billingState(), InstanceOperation.RENEW); // R1
        WalletPlan wallet = new WalletPlan(account, now).requirePurchaseRights(); // A1
        Money amount = price(instance, duration);
        if (amount.isPositive()) {
            wallet.charge(amount, LedgerEntryType.RENEWAL_CHARGE, instance.id(), null); // R1: charged at once, A3
        }
        RenewalTerm next = RenewalTerm.after(instance.expiresAt(), duration, calendar); // R2
        // E4: the new term's first warning not before now; the old term's remaining warnings are never sent.
        Due due = Due.firstOfTerm(instance.id(), now, next.expiresAt());
        // R3: an EXPIRED instance is NORMAL again and no longer due for release; its power state is untouched.
        // R4: auto-renewal, if on, stays on for the new term.
        Instance changed = instance.withTerm(next.startsAt(), next.expiresAt(), due)
                .withState(BillingState.NORMAL, null, null, due);
        Term term = new Term(instance.id(), instance.accountId(), next.startsAt(), next.expiresAt(), duration,
                amount, null, renewalId);
        OperationRecord operation = OperationRecord.of(InstanceOperation.RENEW, instance, changed, by, now);
        return new RenewalPlan(renewalId, changed, term, wallet.change(), operation, amount, List.of());
    }

    /** R1, R4: a renewal's price is the spec's price of the duration, as at purchase. */
    private Money price(Instance instance, TermDuration duration) {
        Spec spec = catalog.spec(instance.nodeId(), instance.specId())
                .orElseThrow(() -> BillingException.notFound("spec " + instance.specId() + " on node " + instance.nodeId()));
        return spec.priceOf(duration);
    }

    private Money priceOrNull(Instance instance) {
        try {
            return price(instance, instance.autoRenewal().duration());
        } catch (BillingException gone) {
            return null;
        }
    }

    /** R4: one id per renewed term: the instance and the expiry it extends. */
    static String automaticRenewalId(Instance instance) {
        return "rnw-auto-" + instance.id() + "-" + instance.expiresAt().getEpochSecond();
    }

    /** R4: AUTO_RENEWED, its id fixed by the term it extends (N2: written once), with what was charged. */
    private static OutboxMessage autoRenewed(Instance before, RenewalPlan renewal, Instant now) {
        return OutboxMessages.autoRenewed(before, renewal.charged(), renewal.term().expiresAt(), now);
    }

    /** A1: an account no operator has set up is not activated. */
    private static BillingException neverSetUp() {
        return new BillingException(ErrorCode.ACCOUNT_NOT_ACTIVE, "The account is not activated.", Map.of("rule", "A1"));
    }
}
