package com.edgecloud.billing.renewal;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.InstanceOperation;
import com.edgecloud.billing.lifecycle.LifecycleRules;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.time.ExpiryCalendar;
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
 * Renewing a monthly package (R1–R3, E4) through the one money path: the instance is read
 * with the wallet on every attempt, so a renewal racing another renewal or a power operation
 * plans again from what the other wrote and never loses its update.
 */
public final class RenewalService {

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
            RenewalPlan plan = plan(account, request, clock.instant().truncatedTo(ChronoUnit.SECONDS));
            IdempotentCompletion completion = answer.apply(plan);
            return () -> {
                store.commit(plan, completion);
                return new Renewed(plan, completion);
            };
        });
    }

    private RenewalPlan plan(Account account, RenewalRequest request, Instant now) {
        Instance instance = instances.findOwned(request.accountId(), request.instanceId());
        LifecycleRules.require(instance.billingMethod(), instance.billingState(), InstanceOperation.RENEW); // R1
        WalletPlan wallet = new WalletPlan(account, now).requirePurchaseRights(); // A1
        Spec spec = catalog.spec(instance.nodeId(), instance.specId())
                .orElseThrow(() -> BillingException.notFound("spec " + instance.specId() + " on node " + instance.nodeId()));
        Money amount = spec.priceOf(request.duration());
        if (amount.isPositive()) {
            wallet.charge(amount, LedgerEntryType.RENEWAL_CHARGE, instance.id(), null); // R1: charged at once, A3
        }
        RenewalTerm next = RenewalTerm.after(instance.expiresAt(), request.duration(), calendar); // R2
        // E4: the new term's first warning not before now; the old term's remaining warnings are never sent.
        Due due = Due.firstOfTerm(instance.id(), now, next.expiresAt());
        // R3: an EXPIRED instance is NORMAL again and no longer due for release; its power state is untouched.
        Instance changed = instance.withTerm(next.startsAt(), next.expiresAt(), due)
                .withState(BillingState.NORMAL, null, null, due);
        String renewalId = Ids.next("rnw");
        Term term = new Term(instance.id(), instance.accountId(), next.startsAt(), next.expiresAt(), request.duration(),
                amount, null, renewalId);
        OperationRecord operation = OperationRecord.of(InstanceOperation.RENEW, instance, changed,
                request.accountId(), now);
        return new RenewalPlan(renewalId, changed, term, wallet.change(), operation, amount);
    }

    /** A1: an account no operator has set up is not activated. */
    private static BillingException neverSetUp() {
        return new BillingException(ErrorCode.ACCOUNT_NOT_ACTIVE, "The account is not activated.", Map.of("rule", "A1"));
    }
}
