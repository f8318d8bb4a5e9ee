package com.edgecloud.testing;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.RunningConfigurations;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.catalog.DiskType;
import com.edgecloud.billing.catalog.Hardware;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.catalog.SpecChanges;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import com.edgecloud.billing.dynamodb.DynamoWalletRepository;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Test data written straight through the repositories into the shared DynamoDB Local,
 * with fresh ids so that test classes never see each other's data; and a snapshot of all
 * an account's data, to assert that a refused request wrote nothing.
 */
public final class Fixtures {

    /** T1: the billing zone of the tests (the default). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public final DynamoDbClient dynamo = DynamoDbLocal.shared(Tables::createAll).client();
    public final TableNames tables = TableNames.defaults();
    public final DynamoAccountRepository accounts = new DynamoAccountRepository(dynamo, tables);
    public final DynamoWalletRepository wallets = new DynamoWalletRepository(dynamo, tables,
            new WalletMovements(accounts, RetryPolicy.DEFAULT));
    public final DynamoInstanceRepository instances = new DynamoInstanceRepository(dynamo, tables);
    public final DynamoCatalogRepository catalog = new DynamoCatalogRepository(dynamo, tables);

    public String verifiedAccount() {
        return account(true, Verification.PERSONAL);
    }

    public String account(boolean activated, Verification verification) {
        String id = Ids.next("acct");
        accounts.saveProfile(id, activated, verification, new Contact("Test User", "+8613800000000", "t@example.com"),
                Instant.parse("2026-01-01T00:00:00Z"));
        return id;
    }

    public void recharge(String accountId, String amount) {
        wallets.recharge(accountId, Money.parse(amount), Instant.parse("2026-01-01T00:00:00Z"));
    }

    public void coupon(String accountId, String amount, Instant expiresAt) {
        wallets.grantCoupon(accountId, Ids.next("cpn"), Money.parse(amount), expiresAt, Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A verified account and an open node it can buy at, of one spec (monthly 1000.00, yearly 10000.00, hourly 2.00). */
    public record Buyer(String account, String[] spec) {
    }

    /** A verified account with {@code cash} (none when zero) and an open node with {@code stock} of its spec. */
    public Buyer buyer(String cash, int stock) {
        String account = verifiedAccount();
        if (Money.parse(cash).isPositive()) {
            recharge(account, cash);
        }
        return new Buyer(account, nodeWithSpec(NodeStatus.OPEN, stock));
    }

    /** What a buyer's purchase could write: its account, wallet, orders, instances, outbox, and the spec's stock. */
    public Snapshot snapshot(Buyer buyer) {
        return snapshot(buyer.account(), buyer.spec()[0], buyer.spec()[1]);
    }

    /** A server configuration as operators describe it (C3). */
    public static final Hardware HARDWARE = new Hardware(new Hardware.Cpu("Intel Xeon Gold 6330", 28), 256,
            List.of(new Hardware.Disk(DiskType.NVME, 1920, 2)), 1000);

    /** A node in Shanghai (open or not) with one spec: monthly 1000.00, yearly 10000.00, hourly 2.00. */
    public String[] nodeWithSpec(NodeStatus status, int stock) {
        String nodeId = Ids.next("node");
        String specId = Ids.next("spec");
        catalog.saveNode(new Node(nodeId, "Test node", "East China", "Shanghai", 31.2304, 121.4737, status));
        saveSpec(new Spec(nodeId, specId, "Standard", HARDWARE,
                Money.parse("1000.00"), Money.parse("10000.00"), Money.parse("2.00"), stock));
        return new String[] {nodeId, specId};
    }

    /** When operators wrote the catalog (business clock): before any instant the tests bill. */
    public static final Instant CATALOG_WRITTEN = Instant.parse("2000-01-01T00:00:00Z");

    /** Writes a spec as an operator would (C2: its stock set as a change from the stock read). */
    public Spec saveSpec(Spec spec) {
        return new SpecChanges(catalog, Clock.fixed(CATALOG_WRITTEN, ZoneOffset.UTC)).put(spec);
    }

    /** G2: an operator PUTs the spec with a new hourly price at {@code at} (business clock), all else kept. */
    public Spec changeHourlyPrice(String[] nodeSpec, String hourlyPrice, Instant at) {
        Spec now = catalog.spec(nodeSpec[0], nodeSpec[1]).orElseThrow();
        return new SpecChanges(catalog, Clock.fixed(at, ZoneOffset.UTC)).put(new Spec(now.nodeId(), now.specId(),
                now.name(), now.hardware(), now.monthlyPrice(), now.yearlyPrice(), Money.parse(hourlyPrice),
                now.stock()));
    }

    /** An open node with one spec of the given hourly price (monthly 1000.00, yearly 10000.00). */
    public String[] nodeWithHourlyPrice(String hourlyPrice, int stock) {
        String nodeId = Ids.next("node");
        String specId = Ids.next("spec");
        catalog.saveNode(new Node(nodeId, "Test node", "East China", "Shanghai", 31.2304, 121.4737, NodeStatus.OPEN));
        saveSpec(new Spec(nodeId, specId, "Standard", HARDWARE,
                Money.parse("1000.00"), Money.parse("10000.00"), Money.parse(hourlyPrice), stock));
        return new String[] {nodeId, specId};
    }

    /** A running pay-by-configuration instance launched at {@code launch}, metered from then (G2). */
    public Instance payByConfiguration(String accountId, String[] nodeSpec, Instant launch) {
        String id = Ids.next("i");
        Instance instance = new Instance(id, accountId, nodeSpec[0], nodeSpec[1], Ids.next("ord"),
                BillingMethod.PAY_BY_CONFIGURATION, BillingState.NORMAL, PowerState.RUNNING, launch, null, null, null,
                launch, Due.nextUsageBill(accountId, launch, ZONE), launch, 0, 0, 0L, 0);
        instances.create(instance);
        countRunning(accountId, nodeSpec);
        return instance;
    }

    /**
     * G7: counts the launch on the account, as a purchase does in its transaction, when the account
     * keeps counts (all accounts {@link #account} creates do).
     */
    private void countRunning(String accountId, String[] nodeSpec) {
        try {
            dynamo.updateItem(u -> u.tableName(tables.accounts())
                    .key(Map.of("accountId", AttributeValue.fromS(accountId)))
                    .updateExpression("SET #running.#spec = if_not_exists(#running.#spec, :none) + :one")
                    .conditionExpression("attribute_exists(#running)")
                    .expressionAttributeNames(Map.of("#running", "runningByConfiguration",
                            "#spec", RunningConfigurations.keyOf(nodeSpec[0], nodeSpec[1])))
                    .expressionAttributeValues(Map.of(":none", AttributeValue.fromN("0"),
                            ":one", AttributeValue.fromN("1"))));
        } catch (ConditionalCheckFailedException notCounted) {
            // an account written without counts: its rate is read from its instances
        }
    }

    /** A running monthly-package instance whose term was bought at {@code termStart}. */
    public Instance monthly(String accountId, String[] nodeSpec, Instant termStart, Instant expiresAt) {
        String id = Ids.next("i");
        Instance instance = new Instance(id, accountId, nodeSpec[0], nodeSpec[1], Ids.next("ord"),
                BillingMethod.MONTHLY_PACKAGE, BillingState.NORMAL, PowerState.RUNNING, termStart, expiresAt, null,
                null, termStart, Due.firstOfTerm(id, termStart, expiresAt), null, 0, 0, null, 0);
        instances.create(instance);
        return instance;
    }

    public Instance instance(String id) {
        return instances.find(id).orElseThrow();
    }

    /**
     * Takes every instance out of the due-time index, so that a sweep replayed at any instant in a
     * test sees only that test's instances (the DynamoDB Local is shared by a module's tests).
     */
    public void clearDue() {
        dynamo.scanPaginator(ScanRequest.builder().tableName(tables.instances()).consistentRead(true)
                        .filterExpression("attribute_exists(dueBucket)").build())
                .items().forEach(item -> dynamo.updateItem(u -> u.tableName(tables.instances())
                        .key(Map.of("instanceId", item.get("instanceId")))
                        .updateExpression("REMOVE dueBucket, dueAt")));
    }

    /** The account's outbox messages (tests may scan). */
    public List<Map<String, AttributeValue>> outbox(String accountId) {
        return ofAccount(tables.outbox(), accountId);
    }

    /** The account's ledger entries (tests may scan). */
    public List<Map<String, AttributeValue>> ledger(String accountId) {
        return ofAccount(tables.wallet(), accountId);
    }

    /** The account's bills (tests may scan). */
    public List<Map<String, AttributeValue>> bills(String accountId) {
        return ofAccount(tables.bills(), accountId);
    }

    /** The stock left of the buyer's spec. */
    public int stock(Buyer buyer) {
        return stock(buyer.spec()[0], buyer.spec()[1]);
    }

    public int stock(String nodeId, String specId) {
        return catalog.spec(nodeId, specId).orElseThrow().stock();
    }

    public Account account(String accountId) {
        return accounts.find(accountId).orElseThrow();
    }

    /** Everything stored for an account, in every table (tests may scan; the product never does). */
    public Snapshot snapshot(String accountId, String nodeId, String specId) {
        return new Snapshot(
                accounts.find(accountId).map(Account::toString).orElse(null),
                ofAccount(tables.wallet(), accountId),
                ofAccount(tables.orders(), accountId),
                ofAccount(tables.instances(), accountId),
                ofAccount(tables.outbox(), accountId),
                idempotencyRecords(accountId),
                stock(nodeId, specId),
                ofAccount(tables.terms(), accountId),
                ofAccount(tables.operations(), accountId));
    }

    private List<Map<String, AttributeValue>> ofAccount(String table, String accountId) {
        return dynamo.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true)
                        .filterExpression("accountId = :a")
                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(accountId))).build())
                .items().stream().toList();
    }

    private List<Map<String, AttributeValue>> idempotencyRecords(String accountId) {
        return dynamo.scanPaginator(ScanRequest.builder().tableName(tables.idempotency()).consistentRead(true)
                        .filterExpression("begins_with(#k, :a)")
                        .expressionAttributeNames(Map.of("#k", "key"))
                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(accountId + "#"))).build())
                .items().stream().toList();
    }

    public record Snapshot(String account, List<Map<String, AttributeValue>> wallet,
                           List<Map<String, AttributeValue>> orders, List<Map<String, AttributeValue>> instances,
                           List<Map<String, AttributeValue>> outbox, List<Map<String, AttributeValue>> idempotency,
                           int stock, List<Map<String, AttributeValue>> terms,
                           List<Map<String, AttributeValue>> operations) {
    }
}
