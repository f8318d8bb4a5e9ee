package com.edgecloud.runtime;

import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoBillRepository;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoInstanceOperationStore;
import com.edgecloud.billing.dynamodb.DynamoArrearsStore;
import com.edgecloud.billing.dynamodb.DynamoLifecycleStore;
import com.edgecloud.billing.lifecycle.ExpirySweepRun;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import com.edgecloud.billing.metering.ArrearsSettlement;
import com.edgecloud.billing.metering.BalanceForecast;
import com.edgecloud.billing.metering.BillRepository;
import com.edgecloud.billing.metering.InstanceDeletion;
import com.edgecloud.billing.metering.LowBalanceWarning;
import com.edgecloud.billing.metering.UsageBilling;
import com.edgecloud.billing.metering.UsageMeter;
import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.billing.dynamodb.DynamoOperationRepository;
import com.edgecloud.billing.dynamodb.DynamoRenewalStore;
import com.edgecloud.billing.dynamodb.DynamoTermRepository;
import com.edgecloud.billing.dynamodb.DynamoPaymentStore;
import com.edgecloud.billing.dynamodb.DynamoPurchaseStore;
import com.edgecloud.billing.dynamodb.DynamoWalletRepository;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.instance.OperationRepository;
import com.edgecloud.billing.instance.TermRepository;
import com.edgecloud.billing.lifecycle.PowerOperations;
import com.edgecloud.billing.renewal.AutoRenewalSettings;
import com.edgecloud.billing.renewal.RenewalService;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.AfterRecharge;
import com.edgecloud.billing.payment.OrderCancellations;
import com.edgecloud.billing.payment.PaymentProvider;
import com.edgecloud.billing.payment.PaymentService;
import com.edgecloud.billing.payment.PaymentStore;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.wallet.WalletRepository;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the billing module's plain classes as beans. Settings: {@code billing.zone} (T1,
 * env BILLING_ZONE), {@code billing.launch-threshold} (G1, env BILLING_LAUNCH_THRESHOLD) and
 * {@code billing.balance-low-hours} (G7's cover threshold, env BILLING_BALANCE_LOW_HOURS, 24).
 */
@Factory
public class BillingBeans {

    /** Buckets per kind of the due-time index (docs/scaling.md): configuration, applied at start. */
    @Context
    public DueBuckets dueBuckets(@Value("${billing.due-buckets:4}") int count) {
        Due.configureBuckets(count);
        return new DueBuckets(count);
    }

    /** The configured bucket count, as a bean so that it is applied when the context starts. */
    public record DueBuckets(int count) {
    }

    @Singleton
    public ExpiryCalendar expiryCalendar(@Value("${billing.zone:Asia/Shanghai}") String zone) {
        return new ExpiryCalendar(ZoneId.of(zone));
    }

    @Singleton
    public AccountRepository accounts(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoAccountRepository(dynamo, tables);
    }

    /** The one money path (A4) and its one retry policy. */
    @Singleton
    public WalletMovements walletMovements(AccountRepository accounts) {
        return new WalletMovements(accounts, RetryPolicy.DEFAULT);
    }

    @Singleton
    public WalletRepository wallets(DynamoDbClient dynamo, TableNames tables, WalletMovements movements) {
        return new DynamoWalletRepository(dynamo, tables, movements);
    }

    @Singleton
    public CatalogRepository catalog(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoCatalogRepository(dynamo, tables);
    }

    @Singleton
    public InstanceRepository instances(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoInstanceRepository(dynamo, tables);
    }

    @Singleton
    public BillRepository bills(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoBillRepository(dynamo, tables);
    }

    @Singleton
    public LifecycleStore lifecycleStore(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoLifecycleStore(dynamo, tables);
    }

    @Singleton
    public UsageMeter usageMeter(ExpiryCalendar calendar) {
        return new UsageMeter(calendar.zone());
    }

    /** G7: how long an account's balance lasts at its current prices (GET /account, the hourly run). */
    @Singleton
    public BalanceForecast balanceForecast(InstanceRepository instances, CatalogRepository catalog) {
        return new BalanceForecast(instances, catalog);
    }

    /** G7: BALANCE_LOW once when a run leaves less than the configured hours of cover. */
    @Singleton
    public LowBalanceWarning lowBalanceWarning(BalanceForecast forecast,
                                               @Value("${billing.balance-low-hours:24}") int hours) {
        return new LowBalanceWarning(forecast, Duration.ofHours(hours));
    }

    /**
     * G2, G3, G4, G7: hourly usage bills through the one money path; {@code billing.usage-workers}
     * (env {@code BILLING_USAGE_WORKERS}) accounts billed in parallel within a run (docs/scaling.md).
     */
    @Singleton
    public UsageBilling usageBilling(WalletMovements movements, InstanceRepository instances, CatalogRepository catalog,
                                     LifecycleStore store, UsageMeter meter, LowBalanceWarning lowBalance,
                                     @Value("${billing.usage-workers:" + UsageBilling.DEFAULT_WORKERS + "}") int workers) {
        return new UsageBilling(movements, instances, catalog, store, meter, lowBalance, workers);
    }

    /** G6: an owner's delete of a pay-by-configuration instance, with its final bill. */
    @Singleton
    public InstanceDeletion instanceDeletion(WalletMovements movements, InstanceRepository instances,
                                             CatalogRepository catalog, LifecycleStore store, UsageMeter meter,
                                             Clock clock) {
        return new InstanceDeletion(movements, instances, catalog, store, meter, clock);
    }

    /** E3, E4, E5: warnings, expiry, retention release; R4: auto-renewal through the renewal path. */
    @Singleton
    public ExpirySweepRun expirySweep(LifecycleStore store, InstanceRepository instances, RenewalService renewals) {
        return new ExpirySweepRun(store, instances, renewals);
    }

    @Singleton
    public DynamoIdempotencyStore idempotency(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoIdempotencyStore(dynamo, tables);
    }

    @Singleton
    public PurchaseService purchases(WalletMovements movements, CatalogRepository catalog, DynamoDbClient dynamo,
                                     TableNames tables, DynamoIdempotencyStore idempotency, ExpiryCalendar calendar,
                                     @Value("${billing.launch-threshold:50.00}") String launchThreshold, Clock clock,
                                     PaymentProvider provider) {
        return new PurchaseService(movements, catalog, new DynamoPurchaseStore(dynamo, tables, catalog, idempotency),
                calendar, Money.parse(launchThreshold), clock, provider);
    }

    /** Locally and until a real provider is integrated: payments are only recorded (A5). */
    @Singleton
    public PaymentProvider paymentProvider() {
        return PaymentProvider.RECORD_ONLY;
    }

    /** G5: right after a payment's credit, in the same callback request, unpaid bills are settled. */
    @Singleton
    public AfterRecharge afterRecharge(WalletMovements movements, BillRepository bills, InstanceRepository instances,
                                       DynamoDbClient dynamo, TableNames tables, ExpiryCalendar calendar, Clock clock) {
        return new ArrearsSettlement(movements, bills, instances, new DynamoArrearsStore(dynamo, tables),
                calendar.zone(), clock);
    }

    @Singleton
    public PaymentStore paymentStore(DynamoDbClient dynamo, TableNames tables, DynamoIdempotencyStore idempotency) {
        return new DynamoPaymentStore(dynamo, tables, idempotency);
    }

    @Singleton
    public PaymentService payments(WalletMovements movements, AccountRepository accounts, PaymentStore store,
                                   PurchaseService purchases, PaymentProvider provider, AfterRecharge afterRecharge,
                                   Clock clock) {
        return new PaymentService(movements, accounts, store, purchases, provider, afterRecharge, clock);
    }

    /** P2: the expiry sweep cancels orders unpaid after 30 minutes through this. */
    @Singleton
    public OrderCancellations orderCancellations(PaymentStore store) {
        return new OrderCancellations(store);
    }

    @Singleton
    public TermRepository terms(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoTermRepository(dynamo, tables);
    }

    @Singleton
    public OperationRepository operations(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoOperationRepository(dynamo, tables);
    }

    @Singleton
    public PowerOperations powerOperations(InstanceRepository instances, DynamoDbClient dynamo, TableNames tables,
                                           DynamoIdempotencyStore idempotency, Clock clock) {
        return new PowerOperations(instances, new DynamoInstanceOperationStore(dynamo, tables, idempotency),
                RetryPolicy.DEFAULT, clock);
    }

    /** R4: the owner's auto-renewal setting. */
    @Singleton
    public AutoRenewalSettings autoRenewalSettings(InstanceRepository instances, Clock clock) {
        return new AutoRenewalSettings(instances, RetryPolicy.DEFAULT, clock);
    }

    @Singleton
    public RenewalService renewals(WalletMovements movements, InstanceRepository instances, CatalogRepository catalog,
                                   DynamoDbClient dynamo, TableNames tables, DynamoIdempotencyStore idempotency,
                                   ExpiryCalendar calendar, Clock clock) {
        return new RenewalService(movements, instances, catalog, new DynamoRenewalStore(dynamo, tables, idempotency),
                calendar, clock);
    }
}
