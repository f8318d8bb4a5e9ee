package com.edgecloud.billing.purchase;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.payment.PaymentProvider;
import com.edgecloud.billing.payment.PaymentPurpose;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.notify.OutboxMessages;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Buying servers: A1, C1, C2, P1, P2, G1, through the one money path. With the balance the order
 * is paid at once; with THIRD_PARTY (monthly packages only) it waits in PENDING_PAYMENT with its
 * stock held, and {@link com.edgecloud.billing.payment.PaymentService} pays it on the callback.
 */
public final class PurchaseService {

    /** C4: a quote's "daily" is 24 hours and its "monthly" 30 days of hourly price. */
    static final int HOURS_A_DAY = 24;
    static final int DAYS_A_MONTH = 30;

    private final WalletMovements movements;
    private final CatalogRepository catalog;
    private final PurchaseStore store;
    private final ExpiryCalendar calendar;
    private final Money launchThreshold;
    private final Clock clock;
    private final PaymentProvider provider;

    public PurchaseService(WalletMovements movements, CatalogRepository catalog, PurchaseStore store,
                           ExpiryCalendar calendar, Money launchThreshold, Clock clock) {
        this(movements, catalog, store, calendar, launchThreshold, clock, PaymentProvider.RECORD_ONLY);
    }

    public PurchaseService(WalletMovements movements, CatalogRepository catalog, PurchaseStore store,
                           ExpiryCalendar calendar, Money launchThreshold, Clock clock, PaymentProvider provider) {
        this.provider = provider;
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
        if (request.paymentMethod() == PaymentMethod.THIRD_PARTY
                && request.billingMethod() == BillingMethod.PAY_BY_CONFIGURATION) {
            // G1: launching charges nothing, so there is nothing for a provider to collect.
            throw BillingException.validation(List.of(new FieldError("paymentMethod",
                    "THIRD_PARTY pays a MONTHLY_PACKAGE; pay-by-configuration charges nothing at launch: use BALANCE")));
        }
        Purchased purchased = movements.move(request.accountId(), PurchaseService::neverSetUp, account -> {
            PurchasePlan plan = plan(account, request, purchaseInstant());
            IdempotentCompletion completion = answer.apply(plan);
            return () -> {
                if (plan.payment() != null) {
                    provider.open(plan.payment());
                }
                int written = store.commit(plan, completion);
                store.materialize(plan.order(), plan.instances().subList(written, plan.instances().size()));
                return new Purchased(plan, completion);
            };
        });
        return purchased;
    }

    /**
     * Writes whatever instances of a paid order, or their first terms, are missing: after a crash between the
     * commit and the rest of a large order, the retry of its Idempotency-Key lands here.
     */
    public void completeOrder(String orderId) {
        store.findOrder(orderId).filter(order -> order.status() == OrderStatus.PAID)
                .ifPresent(order -> store.materialize(order, instancesOf(order)));
    }

    public Optional<Order> findOrder(String orderId) {
        return store.findOrder(orderId);
    }

    /** The instances of a paid order, as its purchase built them: term from {@code paidAt} (P2, P3). */
    public List<Instance> instancesOf(Order paid) {
        PurchaseRequest request = new PurchaseRequest(paid.accountId(), paid.nodeId(), paid.specId(),
                paid.quantity(), paid.billingMethod(), paid.duration(), paid.paymentMethod());
        return paid.instanceIds().stream().map(id -> newInstance(id, request, paid.id(), paid.paidAt())).toList();
    }

    /** Fresh instance ids for an order about to be paid. */
    public static List<String> newInstanceIds(int quantity) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < quantity; i++) {
            ids.add(Ids.next("i"));
        }
        return ids;
    }

    /** C4: the purchase's own price and term rules, applied to now, with nothing written. */
    public Quote quote(String nodeId, String specId, BillingMethod method, TermDuration duration, int quantity) {
        catalog.node(nodeId).orElseThrow(() -> BillingException.notFound("node " + nodeId));
        Spec spec = catalog.spec(nodeId, specId)
                .orElseThrow(() -> BillingException.notFound("spec " + specId + " on node " + nodeId));
        if (method == BillingMethod.MONTHLY_PACKAGE) {
            Instant now = purchaseInstant();
            return new Quote.MonthlyPackage(quantity, duration, spec.chargeAtPurchase(method, duration, quantity), now,
                    calendar.expiresAt(now, duration));
        }
        // C4, G2: the price in effect now, as metering will price the next second
        Money hourly = catalog.hourlyPrices(nodeId, specId).map(prices -> prices.priceAt(clock.instant()))
                .orElse(spec.hourlyPrice()).times(quantity);
        return new Quote.PayByConfiguration(quantity, hourly, hourly.times(HOURS_A_DAY),
                hourly.times(HOURS_A_DAY * DAYS_A_MONTH), launchThreshold);
    }

    /** P3: a term starts at the second the purchase is made. */
    private Instant purchaseInstant() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Completes the paid orders left short by a crash after their commit (see {@link PurchaseStore}):
     * up to 100 per bucket and run; the rest stay due for the next run.
     */
    public int completeIncompleteOrders(List<String> buckets, Instant now, BooleanSupplier timeLeft) {
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
        if (request.paymentMethod() == PaymentMethod.THIRD_PARTY) {
            return pendingPayment(wallet, request, orderId, amount, now);
        }
        if (request.billingMethod() == BillingMethod.PAY_BY_CONFIGURATION) {
            requireLaunchBalance(wallet.available());
        } else if (amount.isPositive()) {
            wallet.charge(amount, LedgerEntryType.ORDER_CHARGE, null, orderId); // P2, A3
        }

        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < request.quantity(); i++) {
            instances.add(newInstance(Ids.next("i"), request, orderId, now));
            if (request.billingMethod() == BillingMethod.PAY_BY_CONFIGURATION) {
                wallet.startsRunning(request.nodeId(), request.specId()); // G7's counts, with the launch
            }
        }
        Order order = new Order(orderId, request.accountId(), OrderStatus.PAID, amount, request.paymentMethod(), null,
                request.nodeId(), request.specId(), request.quantity(), request.billingMethod(), request.duration(),
                instances.stream().map(Instance::id).toList(), now, now);
        OutboxMessage paid = OutboxMessages.orderPaid(request.accountId(), orderId, instances, now);
        return new PurchasePlan(order, instances, wallet.change(), paid, null);
    }

    /**
     * P2: the order waits for the provider; the wallet is only checked (A1 in the commit's
     * condition), its stock is taken with it, no instance exists and nothing is charged.
     */
    private PurchasePlan pendingPayment(WalletPlan wallet, PurchaseRequest request, String orderId, Money amount,
                                        Instant now) {
        if (!amount.isPositive()) {
            throw BillingException.validation(List.of(new FieldError("paymentMethod",
                    "nothing to pay for a provider: use BALANCE")));
        }
        Payment payment = Payment.pending(Ids.next("pay"), request.accountId(), amount, PaymentPurpose.ORDER, orderId, now);
        Order order = new Order(orderId, request.accountId(), OrderStatus.PENDING_PAYMENT, amount,
                PaymentMethod.THIRD_PARTY, payment.paymentId(), request.nodeId(), request.specId(), request.quantity(),
                request.billingMethod(), request.duration(), List.of(), now, null);
        return new PurchasePlan(order, List.of(), wallet.change(), null, payment);
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
        Due due = monthly ? Due.firstOfTerm(id, now, expiresAt) : Due.nextUsageBill(request.accountId(), now, calendar.zone());
        return new Instance(id, request.accountId(), request.nodeId(), request.specId(), orderId,
                request.billingMethod(), BillingState.NORMAL, PowerState.RUNNING, now, expiresAt, null, null, now,
                due, monthly ? null : now, 0, 0, monthly ? null : 0L, 0); // G2: metered from launch, to the second
    }

    /** A1: an account no operator has set up is not activated. */
    private static BillingException neverSetUp() {
        return new BillingException(ErrorCode.ACCOUNT_NOT_ACTIVE, "The account is not activated.", Map.of("rule", "A1"));
    }
}
