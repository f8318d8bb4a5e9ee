package com.edgecloud.billing.purchase;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Buying servers with the balance: A1, C1, C2, P1, P2, G1, through the one money path. */
public final class PurchaseService {

    private final WalletMovements movements;
    private final CatalogRepository catalog;
    private final PurchaseStore store;
    private final ExpiryCalendar calendar;
    private final Money launchThreshold;
    private final Clock clock;

    public PurchaseService(WalletMovements movements, CatalogRepository catalog, PurchaseStore store,
                           ExpiryCalendar calendar, Money launchThreshold, Clock clock) {
        this.movements = movements;
        this.catalog = catalog;
        this.store = store;
        this.calendar = calendar;
        this.launchThreshold = launchThreshold;
        this.clock = clock;
    }

    /**
     * Plans and commits the purchase, planning again whenever the wallet moved meanwhile.
     * {@code answer} renders the plan into the idempotent answer committed with it; the domain
     * stores it without reading it.
     */
    public Purchased purchase(PurchaseRequest request, Function<PurchasePlan, IdempotentCompletion> answer) {
        if (request.paymentMethod() == PaymentMethod.THIRD_PARTY) {
            throw BillingException.validation(List.of(new com.edgecloud.billing.error.FieldError(
                    "paymentMethod", "THIRD_PARTY payment is not available yet; use BALANCE")));
        }
        Purchased purchased = movements.move(request.accountId(), PurchaseService::neverSetUp, account -> {
            PurchasePlan plan = plan(account, request, clock.instant().truncatedTo(ChronoUnit.SECONDS));
            IdempotentCompletion completion = answer.apply(plan);
            return () -> {
                int written = store.commit(plan, completion);
                store.materialize(plan.instances().subList(written, plan.instances().size()));
                return new Purchased(plan, completion);
            };
        });
        return purchased;
    }

    /**
     * Writes whatever instances of a paid order are missing: after a crash between the
     * commit and the rest of a large order, the retry of its Idempotency-Key lands here.
     */
    public void completeOrder(String orderId) {
        store.findOrder(orderId).filter(order -> order.status() == OrderStatus.PAID).ifPresent(order -> {
            PurchaseRequest request = new PurchaseRequest(order.accountId(), order.nodeId(), order.specId(),
                    order.quantity(), order.billingMethod(), order.duration(), order.paymentMethod());
            store.materialize(order.instanceIds().stream()
                    .map(id -> newInstance(id, request, order.id(), order.paidAt())).toList());
        });
    }

    /**
     * Completes the paid orders left short by a crash after their commit (see {@link PurchaseStore}):
     * up to 100 per bucket and run; the rest stay due for the next run.
     */
    public int completeIncompleteOrders(List<String> buckets, Instant now, java.util.function.BooleanSupplier timeLeft) {
        int completed = 0;
        for (String bucket : buckets) {
            if (!timeLeft.getAsBoolean()) {
                break;
            }
            List<String> due = store.incompleteOrders(bucket, now, 100);
            due.forEach(this::completeOrder);
            completed += due.size();
        }
        return completed;
    }

    PurchasePlan plan(Account account, PurchaseRequest request, Instant now) {
        WalletPlan wallet = new WalletPlan(account, now).requirePurchaseRights(); // A1
        Node node = catalog.node(request.nodeId()).orElseThrow(() -> BillingException.notFound("node " + request.nodeId()));
        node.requireOpen();
        Spec spec = catalog.spec(request.nodeId(), request.specId())
                .orElseThrow(() -> BillingException.notFound("spec " + request.specId() + " on node " + request.nodeId()));
        spec.requireStock(request.quantity());

        Money amount = spec.chargeAtPurchase(request.billingMethod(), request.duration(), request.quantity());
        String orderId = Ids.next("ord");
        if (request.billingMethod() == BillingMethod.PAY_BY_CONFIGURATION) {
            requireLaunchBalance(wallet.available());
        } else if (amount.isPositive()) {
            wallet.charge(amount, LedgerEntryType.ORDER_CHARGE, null, orderId); // P2, A3
        }

        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < request.quantity(); i++) {
            instances.add(newInstance(Ids.next("i"), request, orderId, now));
        }
        Order order = new Order(orderId, request.accountId(), OrderStatus.PAID, amount, request.paymentMethod(), null,
                request.nodeId(), request.specId(), request.quantity(), request.billingMethod(), request.duration(),
                instances.stream().map(Instance::id).toList(), now, now);
        OutboxMessage paid = new OutboxMessage(Ids.next("msg"), NotificationType.ORDER_PAID, request.accountId(),
                instances.size() == 1 ? instances.get(0).id() : null, orderId, null, now);
        return new PurchasePlan(order, instances, wallet.change(), paid);
    }

    /** G1: launching pay-by-configuration needs the threshold in available balance; nothing is charged. */
    private void requireLaunchBalance(Money available) {
        if (available.isLessThan(launchThreshold)) {
            throw new BillingException(ErrorCode.BELOW_LAUNCH_THRESHOLD,
                    "Launching pay-by-configuration servers needs an available balance of at least "
                            + launchThreshold + ".",
                    Map.of("required", launchThreshold.toString(), "available", available.toString()));
        }
    }

    private Instance newInstance(String id, PurchaseRequest request, String orderId, Instant now) {
        boolean monthly = request.billingMethod() == BillingMethod.MONTHLY_PACKAGE;
        Instant expiresAt = monthly ? calendar.expiresAt(now, request.duration()) : null; // P3
        Due due = monthly ? Due.firstOfTerm(id, now, expiresAt) : Due.nextUsageBill(id, now, calendar.zone());
        return new Instance(id, request.accountId(), request.nodeId(), request.specId(), orderId,
                request.billingMethod(), BillingState.NORMAL, PowerState.RUNNING, now, expiresAt, null, null, now,
                due, monthly ? null : now, 0, 0, 0); // G2: metered from launch, to the second
    }

    /** A1: an account no operator has set up is not activated. */
    private static BillingException neverSetUp() {
        return new BillingException(ErrorCode.ACCOUNT_NOT_ACTIVE, "The account is not activated.", Map.of("rule", "A1"));
    }
}
