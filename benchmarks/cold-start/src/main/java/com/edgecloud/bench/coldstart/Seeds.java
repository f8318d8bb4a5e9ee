package com.edgecloud.bench.coldstart;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.catalog.DiskType;
import com.edgecloud.billing.catalog.Hardware;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.catalog.SpecChanges;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.billing.dynamodb.DynamoPaymentStore;
import com.edgecloud.billing.dynamodb.DynamoWalletRepository;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.payment.PaymentPurpose;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.testing.aws.MotoServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * What the sample events name, written into the benchmark's DynamoDB Local before anything is
 * timed, and what each run of a function needs of its own (an instance due, a pending payment, a
 * new outbox record): a run that found its work already done would measure less work than the
 * first. moto's server (SSM, SNS, Secrets Manager) and GreenMail (SMTP) start only for the
 * functions that call them.
 */
final class Seeds implements AutoCloseable {

    /** The account the HTTP samples act as. */
    static final String ACCOUNT = "acct-demo";
    static final String NODE = "node-sh-1";
    static final String SPEC = "cps-std-1";
    /** T1: the billing zone of the probes (BILLING_ZONE unset: the default). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** When the catalog was written (business time), before every instant a sample bills. */
    static final Instant CATALOG_WRITTEN = Instant.parse("2000-01-01T00:00:00Z");
    static final String CALLBACK_SECRET = "local-callback-secret"; // the one events/payment-callback.json is signed with
    static final String CALLBACK_SECRET_PARAMETER = "/edge-server-billing/payments/callback-secret";
    static final String SMTP_USER = "smtp-user";
    static final String SMTP_PASSWORD_SECRET = "edge-server-billing/smtp-password";

    final DynamoDbClient dynamo;
    final TableNames tables = TableNames.defaults();
    final DynamoAccountRepository accounts;
    final DynamoWalletRepository wallets;
    final DynamoInstanceRepository instances;
    final DynamoCatalogRepository catalog;
    final DynamoIdempotencyStore idempotency;
    final DynamoPaymentStore payments;
    final Path work;
    private MotoServer moto;
    private GreenMail greenMail;

    Seeds(DynamoDbClient dynamo, Path work) {
        this.dynamo = dynamo;
        this.work = work;
        this.accounts = new DynamoAccountRepository(dynamo, tables);
        this.wallets = new DynamoWalletRepository(dynamo, tables, new WalletMovements(accounts, RetryPolicy.DEFAULT));
        this.instances = new DynamoInstanceRepository(dynamo, tables);
        this.catalog = new DynamoCatalogRepository(dynamo, tables);
        this.idempotency = new DynamoIdempotencyStore(dynamo, tables);
        this.payments = new DynamoPaymentStore(dynamo, tables, idempotency);
    }

    /** acct-demo (activated, much money), node-sh-1 with cps-std-1 (much stock, priced since 2000). */
    void samples() {
        account(ACCOUNT, "10000000.00");
        catalog.saveNode(new Node(NODE, "Shanghai 1", "East China", "Shanghai", 31.2304, 121.4737, NodeStatus.OPEN));
        new SpecChanges(catalog, Clock.fixed(CATALOG_WRITTEN, ZoneOffset.UTC)).put(new Spec(NODE, SPEC, "Standard",
                new Hardware(new Hardware.Cpu("Intel Xeon Gold 6330", 28), 256,
                        List.of(new Hardware.Disk(DiskType.NVME, 1920, 2)), 1000),
                Money.parse("1000.00"), Money.parse("10000.00"), Money.parse("2.00"), 100_000));
    }

    /** An activated, verified account with a contact (phone and e-mail) and {@code cash}. */
    void account(String id, String cash) {
        Instant at = Instant.parse("2000-01-01T00:00:00Z");
        accounts.saveProfile(id, true, Verification.PERSONAL, new Contact("Demo User", "+8613800000000", "demo@example.com"), at);
        wallets.recharge(id, Money.parse(cash), at);
    }

    /** A running monthly package of {@code account} bought at {@code termStart}. */
    Instance monthly(String id, String account, Instant termStart, Instant expiresAt) {
        Instance instance = new Instance(id, account, NODE, SPEC, Ids.next("ord"), BillingMethod.MONTHLY_PACKAGE,
                BillingState.NORMAL, PowerState.RUNNING, termStart, expiresAt, null, null, termStart,
                Due.firstOfTerm(id, termStart, expiresAt), null, 0, 0, null, 0);
        instances.create(instance);
        return instance;
    }

    /** A running pay-by-configuration instance of {@code account} metered from {@code launch} (G2). */
    Instance payByConfiguration(String account, Instant launch) {
        String id = Ids.next("i");
        Instance instance = new Instance(id, account, NODE, SPEC, Ids.next("ord"), BillingMethod.PAY_BY_CONFIGURATION,
                BillingState.NORMAL, PowerState.RUNNING, launch, null, null, null, launch,
                Due.nextUsageBill(account, launch, ZONE), launch, 0, 0, 0L, 0);
        instances.create(instance);
        return instance;
    }

    /** A PENDING recharge of {@code amount}, opened as POST /account/recharges opens one (under a claimed key). */
    void pendingRecharge(String paymentId, String account, String amount) {
        Instant now = Instant.now();
        Claim.Acquired claim = (Claim.Acquired) idempotency.claim(account + "#recharge#" + paymentId, paymentId, now);
        payments.open(Payment.pending(paymentId, account, Money.parse(amount), PaymentPurpose.RECHARGE, null, now),
                new IdempotentCompletion(claim.key(), claim.token(), 201, "{}"));
    }

    /** moto's server, with the callback secret (SSM) and the SMTP password (Secrets Manager) stored. */
    synchronized MotoServer moto() {
        if (moto == null) {
            moto = MotoServer.shared();
            try (SsmClient ssm = moto.configure(SsmClient.builder()).build();
                 SecretsManagerClient secrets = moto.configure(SecretsManagerClient.builder()).build()) {
                ssm.putParameter(r -> r.name(CALLBACK_SECRET_PARAMETER).type(ParameterType.SECURE_STRING)
                        .value(CALLBACK_SECRET).overwrite(true));
                secrets.createSecret(r -> r.name(SMTP_PASSWORD_SECRET).secretString(smtpPassword()));
            }
        }
        return moto;
    }

    /** An SMTP server that takes the dispatch's login and keeps what it is sent. */
    synchronized GreenMail greenMail() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                    .withConfiguration(GreenMailConfiguration.aConfig().withUser("noreply@example.com", SMTP_USER, smtpPassword()));
            greenMail.start();
        }
        return greenMail;
    }

    static String smtpPassword() {
        return "smtp-cold-start";
    }

    /** The sample with {@code from} replaced by {@code to} throughout, written for one run. */
    Path rewritten(Path sample, String run, String from, String to) throws IOException {
        return write(sample, run, Files.readString(sample).replace(from, to));
    }

    Path write(Path sample, String run, String text) throws IOException {
        Path event = Files.createDirectories(work.resolve("events")).resolve(run + "-" + sample.getFileName());
        Files.writeString(event, text);
        return event;
    }

    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
        }
        if (moto != null) {
            moto.close();
        }
    }
}
