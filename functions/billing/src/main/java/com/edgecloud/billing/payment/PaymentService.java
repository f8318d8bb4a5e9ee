package com.edgecloud.billing.payment;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.notify.OutboxMessages;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A4, A5, P2: recharges through the provider, and the provider's verified callback applied once.
 * A success credits the payment's amount as a RECHARGE; when it pays an order still waiting, the
 * same transaction charges that cash (coupons untouched), marks the order PAID and creates its
 * instances from the confirmation instant. A success for an order already cancelled stays a plain
 * recharge: money the provider took is never lost.
 */
public final class PaymentService {

    private final WalletMovements movements;
    private final AccountRepository accounts;
    private final PaymentStore store;
    private final PurchaseService purchases;
    private final PaymentProvider provider;
    private final AfterRecharge afterRecharge;
    private final Clock clock;

    public PaymentService(WalletMovements movements, AccountRepository accounts, PaymentStore store,
                          PurchaseService purchases, PaymentProvider provider, AfterRecharge afterRecharge, Clock clock) {
        this.movements = movements;
        this.accounts = accounts;
        this.store = store;
        this.purchases = purchases;
        this.provider = provider;
        this.afterRecharge = afterRecharge;
        this.clock = clock;
    }

    /** POST /account/recharges: a PENDING payment; nothing is credited until the provider confirms it (A5). */
    public Payment requestRecharge(String accountId, Money amount, Function<Payment, IdempotentCompletion> answer) {
        if (accounts.find(accountId).isEmpty()) {
            throw new BillingException(ErrorCode.ACCOUNT_NOT_ACTIVE, "The account is not activated.", Map.of("rule", "A1"));
        }
        Payment payment = Payment.pending(Ids.next("pay"), accountId, amount, PaymentPurpose.RECHARGE, null, now());
        provider.open(payment);
        store.open(payment, answer.apply(payment));
        return payment;
    }

    /** Applies a verified callback once: a replay, or a duplicate racing it, answers the payment as it is. */
    public Payment confirm(PaymentCallback callback) {
        Payment payment = store.find(callback.paymentId())
                .orElseThrow(() -> BillingException.notFound("payment " + callback.paymentId()));
        if (!payment.amount().equals(callback.amount())) {
            throw new BillingException(ErrorCode.AMOUNT_MISMATCH,
                    "The callback's amount differs from the payment's; nothing was changed.",
                    Map.of("paymentId", payment.paymentId()));
        }
        return callback.status() == PaymentStatus.SUCCEEDED ? succeed(payment) : fail(payment);
    }

    private Payment succeed(Payment known) {
        Applied applied = movements.move(known.accountId(), () -> BillingException.notFound("account"), account -> {
            Payment payment = store.find(known.paymentId()).orElseThrow();
            if (payment.status() == PaymentStatus.SUCCEEDED) {
                return () -> new Applied(payment, false);
            }
            Instant now = now();
            Order order = payment.orderId() == null ? null
                    : purchases.findOrder(payment.orderId()).filter(o -> o.status() == OrderStatus.PENDING_PAYMENT)
                    .orElse(null);
            WalletPlan wallet = new WalletPlan(account, now);
            wallet.credit(payment.amount(), LedgerEntryType.RECHARGE, order == null ? null : order.id());
            Payment confirmed = payment.succeeded(now);
            if (order == null) {
                Settlement recharge = new Settlement(confirmed, payment.status(), wallet.change(), null, List.of(), null);
                return () -> {
                    store.settle(recharge);
                    return new Applied(confirmed, true);
                };
            }
            wallet.chargeCash(order.amount(), LedgerEntryType.ORDER_CHARGE, null, order.id()); // P2: the cash just paid
            Order paid = order.paid(PurchaseService.newInstanceIds(order.quantity()), now);
            List<Instance> instances = purchases.instancesOf(paid); // P2, P3: the term starts now
            OutboxMessage message = OutboxMessages.orderPaid(paid.accountId(), paid.id(), instances, now);
            Settlement settlement = new Settlement(confirmed, payment.status(), wallet.change(), paid, instances, message);
            return () -> {
                store.settle(settlement);
                return new Applied(confirmed, true);
            };
        });
        if (!applied.now() && applied.payment().orderId() != null) {
            purchases.completeOrder(applied.payment().orderId()); // a replay completes a large order cut short
        }
        afterRecharge.afterCredit(applied.payment().accountId(), applied.payment());
        return applied.payment();
    }

    /**
     * A FAILED callback: a waiting order is cancelled and its stock returned; the payment is FAILED.
     * A payment already SUCCEEDED stays so (the provider has the money; it is in the wallet).
     */
    private Payment fail(Payment known) {
        for (int attempt = 1; ; attempt++) {
            Payment payment = store.find(known.paymentId()).orElseThrow();
            if (payment.status() != PaymentStatus.PENDING) {
                return payment;
            }
            Order order = payment.orderId() == null ? null
                    : purchases.findOrder(payment.orderId()).filter(o -> o.status() == OrderStatus.PENDING_PAYMENT)
                    .orElse(null);
            try {
                store.fail(payment, order);
                return payment.failed();
            } catch (ConcurrentUpdateException moved) {
                RetryPolicy.DEFAULT.backOffAfter(attempt, "payment " + payment.paymentId());
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The payment after the callback, and whether this call applied it. */
    private record Applied(Payment payment, boolean now) {
    }
}
