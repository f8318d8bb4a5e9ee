package com.edgecloud.billing.purchase;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
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
import com.edgecloud.billing.wallet.Charge;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.Wallet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Buying servers with the balance: A1, C1, C2, P1, P2, G1. */
public final class PurchaseService {

    /** Optimistic retries when the same wallet is charged concurrently. */
    private static final int MAX_ATTEMPTS = 40;

    private final AccountRepository accounts;
    private final CatalogRepository catalog;
    private final PurchaseStore store;
    private final ExpiryCalendar calendar;
    private final Money launchThreshold;
    private final Clock clock;

    public PurchaseService(AccountRepository accounts, CatalogRepository catalog, PurchaseStore store,
                           ExpiryCalendar calendar, Money launchThreshold, Clock clock) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.store = store;
        this.calendar = calendar;
        this.launchThreshold = launchThreshold;
        this.clock = clock;
    }

    /**
     * Plans and commits the purchase, planning again whenever the wallet moved meanwhile.
     * {@code answer} renders the plan into the idempotent answer stored with it.
     */
    public PurchasePlan purchase(PurchaseRequest request, Function<PurchasePlan, IdempotentCompletion> answer) {
        if (request.paymentMethod() == PaymentMethod.THIRD_PARTY) {
            throw BillingException.validation(List.of(new com.edgecloud.billing.error.FieldError(
                    "paymentMethod", "THIRD_PARTY payment is not available yet; use BALANCE")));
        }
        for (int attempt = 1; ; attempt++) {
            PurchasePlan plan = plan(request, clock.instant().truncatedTo(ChronoUnit.SECONDS));
            int written;
            try {
                written = store.commit(plan, answer.apply(plan));
            } catch (ConcurrentUpdateException moved) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new BillingException(ErrorCode.REQUEST_IN_PROGRESS,
                            "The account is busy with other purchases; retry with the same Idempotency-Key.");
                }
                backOff(attempt);
                continue;
            }
            store.materialize(plan.instances().subList(written, plan.instances().size()));
            return plan;
        }
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

    PurchasePlan plan(PurchaseRequest request, Instant now) {
        Account account = accounts.find(request.accountId()).orElseThrow(() -> new BillingException(
                ErrorCode.ACCOUNT_NOT_ACTIVE, "The account is not activated.", Map.of("rule", "A1")));
        account.requireCanPurchase();
        Node node = catalog.node(request.nodeId()).orElseThrow(() -> BillingException.notFound("node " + request.nodeId()));
        node.requireOpen();
        Spec spec = catalog.spec(request.nodeId(), request.specId())
                .orElseThrow(() -> BillingException.notFound("spec " + request.specId() + " on node " + request.nodeId()));
        spec.requireStock(request.quantity());

        Wallet wallet = account.wallet();
        Money amount = spec.chargeAtPurchase(request.billingMethod(), request.duration(), request.quantity());
        Charge charge = null;
        if (request.billingMethod() == BillingMethod.PAY_BY_CONFIGURATION) {
            requireLaunchBalance(wallet, now);
        } else if (amount.isPositive()) {
            charge = wallet.plan(amount, now); // P2, A3
        }

        String orderId = Ids.next("ord");
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < request.quantity(); i++) {
            instances.add(newInstance(Ids.next("i"), request, orderId, now));
        }
        Order order = new Order(orderId, request.accountId(), OrderStatus.PAID, amount, request.paymentMethod(), null,
                request.nodeId(), request.specId(), request.quantity(), request.billingMethod(), request.duration(),
                instances.stream().map(Instance::id).toList(), now, now);
        Wallet after = wallet;
        LedgerEntry entry = null;
        if (charge != null) {
            after = wallet.apply(charge);
            entry = LedgerEntry.charge(Ids.next("le"), wallet.version() + 1, now, LedgerEntryType.ORDER_CHARGE,
                    charge, null, orderId);
        }
        OutboxMessage paid = new OutboxMessage(Ids.next("msg"), NotificationType.ORDER_PAID, request.accountId(),
                instances.size() == 1 ? instances.get(0).id() : null, orderId, null, now);
        return new PurchasePlan(order, instances, wallet.version(), after, charge, entry, paid);
    }

    /** G1: launching pay-by-configuration needs the threshold in available balance; nothing is charged. */
    private void requireLaunchBalance(Wallet wallet, Instant now) {
        Money available = wallet.available(now);
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
                due, 0);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L + Math.min(attempt, 10) * 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
