package com.edgecloud.billing.payment;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.catalog.CatalogExamples;
import com.edgecloud.billing.catalog.SpecChanges;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.dynamodb.DynamoArrearsStore;
import com.edgecloud.billing.dynamodb.DynamoBillRepository;
import com.edgecloud.billing.dynamodb.DynamoLifecycleStore;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.billing.dynamodb.DynamoPaymentStore;
import com.edgecloud.billing.dynamodb.DynamoPurchaseStore;
import com.edgecloud.billing.dynamodb.DynamoWalletRepository;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.metering.ArrearsSettlement;
import com.edgecloud.billing.metering.BalanceForecast;
import com.edgecloud.billing.metering.InstanceDeletion;
import com.edgecloud.billing.metering.LowBalanceWarning;
import com.edgecloud.billing.metering.UsageBilling;
import com.edgecloud.billing.metering.UsageMeter;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.billing.purchase.Purchased;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Purchases, payments and cancellations wired on DynamoDB Local with a clock the test moves. */
final class PaymentWorld {

    final DynamoDbClient dynamo = DynamoDbLocal.shared(Tables::createAll).client();
    final TableNames tables = TableNames.defaults();
    final DynamoAccountRepository accounts = new DynamoAccountRepository(dynamo, tables);
    final WalletMovements movements = new WalletMovements(accounts, RetryPolicy.DEFAULT);
    final DynamoWalletRepository wallets = new DynamoWalletRepository(dynamo, tables, movements);
    final DynamoCatalogRepository catalog = new DynamoCatalogRepository(dynamo, tables);
    final DynamoIdempotencyStore idempotency = new DynamoIdempotencyStore(dynamo, tables);
    final DynamoInstanceRepository instances = new DynamoInstanceRepository(dynamo, tables);
    final DynamoPaymentStore payments = new DynamoPaymentStore(dynamo, tables, idempotency);
    final MovableClock clock;
    final PurchaseService purchases;
    final PaymentService paymentService;
    final OrderCancellations cancellations = new OrderCancellations(payments);
    final DynamoBillRepository bills = new DynamoBillRepository(dynamo, tables);
    final UsageMeter meter = new UsageMeter(ExpiryCalendar.DEFAULT_ZONE);
    final UsageBilling usageBilling;
    final InstanceDeletion deletion;

    /** Payments alone: nothing after a credit. */
    PaymentWorld(Instant start) {
        this(start, false);
    }

    /** With {@code settleArrears}, a credit settles unpaid bills (G5) as in the deployed functions. */
    PaymentWorld(Instant start, boolean settleArrears) {
        clock = new MovableClock(start);
        purchases = new PurchaseService(movements, catalog, new DynamoPurchaseStore(dynamo, tables, catalog, idempotency),
                new ExpiryCalendar(ExpiryCalendar.DEFAULT_ZONE), Money.parse("50.00"), clock);
        AfterRecharge after = settleArrears ? new ArrearsSettlement(movements, bills, instances,
                new DynamoArrearsStore(dynamo, tables), ExpiryCalendar.DEFAULT_ZONE, clock) : AfterRecharge.NOTHING;
        paymentService = new PaymentService(movements, accounts, payments, purchases, PaymentProvider.RECORD_ONLY,
                after, clock);
        DynamoLifecycleStore lifecycle = new DynamoLifecycleStore(dynamo, tables);
        usageBilling = new UsageBilling(movements, instances, catalog, lifecycle, meter,
                new LowBalanceWarning(new BalanceForecast(instances, catalog), Duration.ofHours(24)));
        deletion = new InstanceDeletion(movements, instances, catalog, lifecycle, meter, clock);
    }

    String verifiedAccount() {
        String id = Ids.next("acct");
        accounts.saveProfile(id, true, Verification.PERSONAL, new Contact("T", null, null), clock.instant());
        return id;
    }

    /** A node with one spec at 1000.00 a month. */
    String[] spec(int stock) {
        String node = Ids.next("node");
        catalog.saveNode(CatalogExamples.openNode(node));
        new SpecChanges(catalog, Clock.systemUTC()).put(CatalogExamples.standardSpec(node, "std", stock));
        return new String[] {node, "std"};
    }

    Purchased buyMonthly(String account, String[] spec, int quantity, PaymentMethod method) {
        Claim.Acquired claim = (Claim.Acquired) idempotency.claim(account + "#purchase#" + Ids.next("k"), "h",
                Instant.now());
        return purchases.purchase(new PurchaseRequest(account, spec[0], spec[1], quantity,
                        BillingMethod.MONTHLY_PACKAGE, TermDuration.months(1), method),
                plan -> new IdempotentCompletion(claim.key(), claim.token(), 201, "{}"));
    }

    /** G1: one pay-by-configuration server, by balance, metered from now. */
    Purchased launch(String account, String[] spec) {
        Claim.Acquired claim = (Claim.Acquired) idempotency.claim(account + "#purchase#" + Ids.next("k"), "h",
                Instant.now());
        return purchases.purchase(new PurchaseRequest(account, spec[0], spec[1], 1,
                        BillingMethod.PAY_BY_CONFIGURATION, null, PaymentMethod.BALANCE),
                plan -> new IdempotentCompletion(claim.key(), claim.token(), 201, "{}"));
    }

    Payment recharge(String account, Money amount) {
        Claim.Acquired claim = (Claim.Acquired) idempotency.claim(account + "#recharge#" + Ids.next("k"), "h",
                Instant.now());
        return paymentService.requestRecharge(account, amount,
                payment -> new IdempotentCompletion(claim.key(), claim.token(), 201, "{}"));
    }

    Payment callback(Payment payment, PaymentStatus status) {
        return paymentService.confirm(new PaymentCallback(payment.paymentId(), status, payment.amount()));
    }

    /** Business time, moved by the test (T2). */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
