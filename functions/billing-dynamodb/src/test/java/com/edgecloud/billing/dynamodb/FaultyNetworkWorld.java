package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.catalog.CatalogExamples;
import com.edgecloud.billing.catalog.SpecChanges;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.AfterRecharge;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.payment.PaymentCallback;
import com.edgecloud.billing.payment.PaymentProvider;
import com.edgecloud.billing.payment.PaymentService;
import com.edgecloud.billing.payment.PaymentStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.billing.purchase.Purchased;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Purchases and payments wired on DynamoDB Local through a client whose calls {@link InjectedFaults}
 * can lose, answer as in progress, or cut short; set-ups are made before a test arms a fault.
 */
final class FaultyNetworkWorld {

    static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    final InjectedFaults faults = new InjectedFaults();
    final TableNames tables = TableNames.defaults();
    final DynamoAccountRepository accounts = new DynamoAccountRepository(faults.dynamo, tables);
    final WalletMovements movements = new WalletMovements(accounts, RetryPolicy.DEFAULT);
    final DynamoWalletRepository wallets = new DynamoWalletRepository(faults.dynamo, tables, movements);
    final DynamoCatalogRepository catalog = new DynamoCatalogRepository(faults.dynamo, tables);
    final DynamoIdempotencyStore idempotency = new DynamoIdempotencyStore(faults.dynamo, tables);
    final DynamoInstanceRepository instances = new DynamoInstanceRepository(faults.dynamo, tables);
    final DynamoPurchaseStore orders = new DynamoPurchaseStore(faults.dynamo, tables, catalog, idempotency);
    final DynamoPaymentStore paymentStore = new DynamoPaymentStore(faults.dynamo, tables, idempotency);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final PurchaseService purchases = new PurchaseService(movements, catalog, orders,
            new ExpiryCalendar(ExpiryCalendar.DEFAULT_ZONE), Money.parse("50.00"), clock);
    final PaymentService payments = new PaymentService(movements, accounts, paymentStore, purchases,
            PaymentProvider.RECORD_ONLY, AfterRecharge.NOTHING, clock);

    String verifiedAccount() {
        String id = Ids.next("acct");
        accounts.saveProfile(id, true, Verification.PERSONAL, new Contact("T", null, null), NOW);
        return id;
    }

    /** A node with one spec at 1000.00 a month. */
    String[] spec(int stock) {
        String node = Ids.next("node");
        catalog.saveNode(CatalogExamples.openNode(node));
        new SpecChanges(catalog, clock).put(CatalogExamples.standardSpec(node, "std", stock));
        return new String[] {node, "std"};
    }

    Claim.Acquired claim(String account) {
        return (Claim.Acquired) idempotency.claim(account + "#purchase#" + Ids.next("k"), "h", Instant.now());
    }

    Purchased buyMonthly(String account, String[] spec, int quantity, PaymentMethod method) {
        Claim.Acquired claim = claim(account);
        return purchases.purchase(new PurchaseRequest(account, spec[0], spec[1], quantity,
                        BillingMethod.MONTHLY_PACKAGE, TermDuration.months(1), method),
                plan -> new IdempotentCompletion(claim.key(), claim.token(), 201, "{}"));
    }

    Payment recharge(String account, Money amount) {
        Claim.Acquired claim = (Claim.Acquired) idempotency.claim(account + "#recharge#" + Ids.next("k"), "h",
                Instant.now());
        return payments.requestRecharge(account, amount,
                payment -> new IdempotentCompletion(claim.key(), claim.token(), 201, "{}"));
    }

    Payment succeeded(Payment payment) {
        return payments.confirm(new PaymentCallback(payment.paymentId(), PaymentStatus.SUCCEEDED, payment.amount()));
    }

    Money cash(String account) {
        return accounts.find(account).orElseThrow().wallet().cash();
    }

    List<LedgerEntry> ledger(String account) {
        return wallets.ledger(account, 100, null).items();
    }
}
